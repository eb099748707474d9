<?php
/**
 * Plugin Name: Broadsheet: anonymous comments over the REST API
 * Description: Lets readers who are not logged in post comments through /wp-json/wp/v2/comments, which Broadsheet's
 *              comment form uses. This is the one line WordPress documents for it; a production site that wants
 *              anonymous comments from Broadsheet installs the same must-use plugin. Installed by scripts/wordpress.
 */
add_filter('rest_allow_anonymous_comments', '__return_true');
