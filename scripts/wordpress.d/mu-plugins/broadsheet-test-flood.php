<?php
/**
 * Plugin Name: Broadsheet test site: comment flood check on request
 * Description: Only for the offline test site of scripts/wordpress, never for a real site. WordPress refuses a second
 * comment from one address within 15 seconds; the end-to-end tests post many comments, all from 127.0.0.1, so the
 * check is off unless the option `broadsheet_test_flood_check` is 1, which the test of that refusal sets.
 */
if (get_option('broadsheet_test_flood_check') !== '1') {
    // The check is a filter that the `check_comment_flood` action adds as each comment arrives.
    remove_action('check_comment_flood', 'check_comment_flood_db', 10);
    remove_filter('wp_is_comment_flood', 'wp_check_comment_flood', 10);
}
