<?php
/**
 * php app-password.php: prints "LOGIN:PASSWORD", a new application password of the test site's administrator, for
 * end-to-end tests that write through the REST API as an editor does (HTTP basic auth). The previous one of that name
 * is revoked, so that they do not pile up.
 */
require __DIR__ . '/bootstrap.php';

$name = 'broadsheet-e2e';
$admins = get_users(['role' => 'administrator', 'number' => 1, 'orderby' => 'ID']);
if (!$admins) {
    broadsheet_fail('the site has no administrator: run scripts/wordpress start');
}
$admin = $admins[0];
foreach (WP_Application_Passwords::get_user_application_passwords($admin->ID) as $item) {
    if ($item['name'] === $name) {
        WP_Application_Passwords::delete_application_password($admin->ID, $item['uuid']);
    }
}
$created = WP_Application_Passwords::create_new_application_password($admin->ID, ['name' => $name]);
if (is_wp_error($created)) {
    broadsheet_fail($created->get_error_message());
}
echo $admin->user_login, ':', $created[0], "\n";
