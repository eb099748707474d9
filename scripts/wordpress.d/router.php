<?php
/**
 * Router for `php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php` (scripts/wordpress), standing in for
 * Debian's Apache configuration of WordPress:
 *  - /wp-content/... is served from WP_CONTENT_DIR (/var/lib/wordpress/wp-content, Debian's `Alias /wp-content`),
 *    static files only;
 *  - other existing files (and directories with an index.php, like /wp-admin/) are left to the built-in server,
 *    which serves static files and runs .php files;
 *  - everything else (/wp-json/..., pretty permalinks) goes to index.php, like WordPress's .htaccess rewrite.
 */
$root = '/usr/share/wordpress';
$content = '/var/lib/wordpress/wp-content';
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if (strpos($path, "\0") !== false) {
    http_response_code(400);
    return true;
}

if (strncmp($path, '/wp-content/', 12) === 0) {
    $file = realpath($content . substr($path, 11));
    $allowed = $file !== false && is_file($file)
        && (strncmp($file, $content . '/', strlen($content) + 1) === 0 || strncmp($file, $root . '/', strlen($root) + 1) === 0);
    $types = [
        'css' => 'text/css; charset=utf-8', 'js' => 'text/javascript; charset=utf-8', 'json' => 'application/json',
        'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg',
        'gif' => 'image/gif', 'webp' => 'image/webp', 'avif' => 'image/avif', 'ico' => 'image/x-icon',
        'woff2' => 'font/woff2', 'woff' => 'font/woff', 'ttf' => 'font/ttf', 'txt' => 'text/plain; charset=utf-8',
        'mp4' => 'video/mp4', 'webm' => 'video/webm', 'mp3' => 'audio/mpeg', 'pdf' => 'application/pdf',
    ];
    $ext = $allowed ? strtolower(pathinfo($file, PATHINFO_EXTENSION)) : '';
    if (!isset($types[$ext])) {
        http_response_code(404);
        header('Content-Type: text/plain; charset=utf-8');
        echo "Not found\n";
        return true;
    }
    header('Content-Type: ' . $types[$ext]);
    header('Content-Length: ' . filesize($file));
    header('Last-Modified: ' . gmdate('D, d M Y H:i:s', filemtime($file)) . ' GMT');
    if ($_SERVER['REQUEST_METHOD'] !== 'HEAD') {
        readfile($file);
    }
    return true;
}

$file = $root . $path;
if ($path !== '/' && (is_file($file) || (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')))) {
    return false;
}

// Front controller, at the top level of this file: WordPress expects its globals in the global scope.
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
unset($_SERVER['PATH_INFO'], $_SERVER['ORIG_PATH_INFO']);
chdir($root);
require $root . '/index.php';
