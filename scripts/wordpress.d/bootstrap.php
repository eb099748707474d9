<?php
/**
 * Loads WordPress from the command line for scripts/wordpress.
 *
 * Debian's /usr/share/wordpress/wp-config.php picks /etc/wordpress/config-HOST.php from $_SERVER['HTTP_HOST'] (port
 * stripped). php-cli has no HTTP_HOST, so without this it would warn and then look for config-.php and
 * config-default.php and exit with a 404 page. We pretend to be a request to 127.0.0.1 so that the same
 * config-127.0.0.1.php is used as by the server.
 */
if (PHP_SAPI !== 'cli') {
    exit(1);
}
error_reporting(E_ALL & ~E_DEPRECATED);
ini_set('display_errors', 'stderr');

$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = getenv('BROADSHEET_WP_PORT') ?: '80';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
unset($_SERVER['WORDPRESS_CONFIG'], $_SERVER['HTTPS']);

// The database may be empty: do not let wp-settings.php redirect to the installer.
if (!defined('WP_INSTALLING') && getenv('BROADSHEET_WP_INSTALLING') === '1') {
    define('WP_INSTALLING', true);
}

require '/usr/share/wordpress/wp-load.php';

function broadsheet_fail($message)
{
    fwrite(STDERR, "error: $message\n");
    exit(1);
}
