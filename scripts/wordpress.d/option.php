<?php
/**
 * php option.php NAME VALUE: sets one WordPress option (scripts/wordpress option NAME VALUE).
 * php option.php NAME: prints it.
 */
require __DIR__ . '/bootstrap.php';

if ($argc < 2 || $argc > 3 || $argv[1] === '') {
    broadsheet_fail('usage: option.php NAME [VALUE]');
}
$name = $argv[1];
$old = get_option($name, null);
if ($argc === 2) {
    echo is_scalar($old) ? $old : json_encode($old), "\n";
    exit($old === null ? 1 : 0);
}
update_option($name, $argv[2]);
$new = get_option($name);
printf("%s: %s -> %s\n", $name, $old === null ? '(unset)' : (is_scalar($old) ? $old : json_encode($old)), $new);
