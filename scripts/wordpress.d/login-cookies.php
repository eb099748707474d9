<?php
/**
 * php login-cookies.php: prints, as JSON, the cookies of a logged-in session of the test site's administrator
 * ([{"name": …, "value": …}, …]), for end-to-end tests that open wp-admin in a browser. The session lasts an hour.
 */
require __DIR__ . '/bootstrap.php';

$admins = get_users(['role' => 'administrator', 'number' => 1, 'orderby' => 'ID']);
if (!$admins) {
    broadsheet_fail('the site has no administrator: run scripts/wordpress start');
}
$expiration = time() + HOUR_IN_SECONDS;
$token = WP_Session_Tokens::get_instance($admins[0]->ID)->create($expiration);
echo json_encode([
    ['name' => AUTH_COOKIE, 'value' => wp_generate_auth_cookie($admins[0]->ID, $expiration, 'auth', $token)],
    ['name' => LOGGED_IN_COOKIE, 'value' => wp_generate_auth_cookie($admins[0]->ID, $expiration, 'logged_in', $token)],
]), "\n";
