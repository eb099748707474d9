<?php
/**
 * Plugin Name: Broadsheet TEST ONLY: the nginx-served site behaves like a public one
 * Description: Only for the offline test site of scripts/wordpress, never for a real site.
 *
 * The same database is served by php -S (`scripts/wordpress start`, for the tests) and by nginx + php-fpm
 * (`scripts/wordpress nginx-start`, for the benchmarks), whose config file defines BROADSHEET_WP_FRONT and WP_HOME.
 * For the nginx site only:
 *  - the seeder writes the pictures in article bodies as absolute URLs of the php -S site, as WordPress's editor
 *    writes them: they would be fetched from that other server, or fail when it is stopped. They are pointed at the
 *    address the page was served from;
 *  - the test site is installed as not public (blog_public 0), so every page says `noindex, nofollow`, which a news
 *    site does not and which Lighthouse's SEO score counts against it. It answers as a public site.
 * Does nothing for the php -S site.
 */
if (defined('BROADSHEET_WP_FRONT')) {
    // Early, before WordPress adds its attributes to the images; the REST API's content.rendered passes here too.
    add_filter('the_content', 'broadsheet_test_front_content_urls', 1);
    add_filter('pre_option_blog_public', 'broadsheet_test_front_public');
}

function broadsheet_test_front_content_urls($html)
{
    return preg_replace('~http://127\.0\.0\.1:[0-9]+(?=/wp-content/)~', untrailingslashit(home_url()), $html);
}

function broadsheet_test_front_public()
{
    return '1';
}
