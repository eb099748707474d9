<?php
/**
 * Plugin Name: Broadsheet TEST ONLY: local avatars
 * Description: Exists only for the offline end-to-end test site that scripts/wordpress runs. Do not install it on a
 *              real site.
 *
 * WordPress points avatar_urls at gravatar.com, which the closed test network cannot reach (and the browser tests fail
 * on any failed request). This plugin answers every avatar lookup with a file in wp-content/uploads instead:
 *  - users (authors) get the avatar of the static sample's authors.json, copied there by scripts/wordpress.d/seed.php
 *    and named in the user meta `broadsheet_avatar` (a path relative to the uploads folder);
 *  - everyone else (anonymous commenters) gets the file named by the option `broadsheet_default_avatar`, or, before
 *    the site is seeded, WordPress's own wp-includes/images/blank.gif. Never an external URL.
 */
add_filter('pre_get_avatar_data', 'broadsheet_test_avatar_data', 10, 2);

function broadsheet_test_avatar_data($args, $id_or_email)
{
    $user = null;
    if ($id_or_email instanceof WP_User) {
        $user = $id_or_email;
    } elseif ($id_or_email instanceof WP_Post) {
        $user = get_user_by('id', (int) $id_or_email->post_author);
    } elseif ($id_or_email instanceof WP_Comment) {
        if ((int) $id_or_email->user_id > 0) {
            $user = get_user_by('id', (int) $id_or_email->user_id);
        }
    } elseif (is_numeric($id_or_email)) {
        $user = get_user_by('id', (int) $id_or_email);
    } elseif (is_string($id_or_email) && $id_or_email !== '') {
        $user = get_user_by('email', $id_or_email);
    }

    $relative = $user ? get_user_meta($user->ID, 'broadsheet_avatar', true) : '';
    if (!$relative) {
        $relative = get_option('broadsheet_default_avatar', '');
    }
    if ($relative) {
        $uploads = wp_get_upload_dir();
        $args['url'] = trailingslashit($uploads['baseurl']) . ltrim($relative, '/');
    } else {
        $args['url'] = includes_url('images/blank.gif');
    }
    $args['found_avatar'] = true;
    return $args;
}
