<?php
/**
 * Makes the test WordPress large, for the benchmark of publishing at scale (scripts/bench_publish), and small again:
 *
 *   php bulk-posts.php add N     adds N published posts (copies of the sample's bodies), in rows written straight
 *                                into the database, about a minute for 10,000
 *   php bulk-posts.php remove    removes every post, the author and the tag that `add` made
 *   php bulk-posts.php count     prints how many there are
 *
 * The posts are marked (post meta `_broadsheet_bulk`), written by an author and filed under a tag of their own, and
 * dated before the sample's oldest article, so that the sample's authors, tags and first listing pages stay as the
 * other tests expect them while they are there. WP_IMPORTING keeps the sync plugin from calling its hook.
 */
define('WP_IMPORTING', true);
require __DIR__ . '/bootstrap.php';

const BULK_META = '_broadsheet_bulk';
const BULK_AUTHOR = 'bulk-author';
const BULK_TAG = 'bulk-generated';
const BULK_ROWS_PER_INSERT = 500;

global $wpdb;

function bulk_count()
{
    global $wpdb;
    return (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM $wpdb->postmeta WHERE meta_key = %s", BULK_META));
}

function bulk_query($sql)
{
    global $wpdb;
    if ($wpdb->query($sql) === false) {
        broadsheet_fail('database: ' . $wpdb->last_error);
    }
}

function bulk_add($count)
{
    global $wpdb;
    $user = get_user_by('slug', BULK_AUTHOR);
    $author_id = $user ? $user->ID : wp_insert_user([
        'user_login' => BULK_AUTHOR,
        'user_nicename' => BULK_AUTHOR,
        'display_name' => 'Bulk Author',
        'user_email' => 'bulk-author@broadsheet.test',
        'user_pass' => wp_generate_password(24),
        'role' => 'author',
        'description' => 'Writes the generated posts of the publishing benchmark.',
    ]);
    if (is_wp_error($author_id)) {
        broadsheet_fail('author: ' . $author_id->get_error_message());
    }
    $term = term_exists(BULK_TAG, 'post_tag') ?: wp_insert_term('Bulk generated', 'post_tag', ['slug' => BULK_TAG]);
    if (is_wp_error($term)) {
        broadsheet_fail('tag: ' . $term->get_error_message());
    }
    $term_taxonomy_id = (int) $term['term_taxonomy_id'];

    $samples = $wpdb->get_results(
        "SELECT post_title, post_content, post_excerpt FROM $wpdb->posts WHERE post_type = 'post' AND post_status = 'publish' ORDER BY ID LIMIT 50",
        ARRAY_A
    );
    if (!$samples) {
        broadsheet_fail('the site has no published posts to copy: run scripts/wordpress start');
    }
    $oldest = strtotime((string) $wpdb->get_var("SELECT MIN(post_date_gmt) FROM $wpdb->posts WHERE post_type = 'post' AND post_status = 'publish'") . ' UTC');
    $first = bulk_count();
    $now = gmdate('Y-m-d H:i:s');
    for ($done = 0; $done < $count; $done += BULK_ROWS_PER_INSERT) {
        $rows = [];
        $numbers = range($first + $done + 1, $first + min($count, $done + BULK_ROWS_PER_INSERT));
        foreach ($numbers as $number) {
            $sample = $samples[$number % count($samples)];
            $date = gmdate('Y-m-d H:i:s', $oldest - 3600 * $number);
            $rows[] = $wpdb->prepare(
                '(%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)',
                $author_id, $date, $date, $sample['post_content'], "{$sample['post_title']} (bulk $number)",
                $sample['post_excerpt'], 'publish', 'closed', 'closed', "bulk-$number", '', '', $now, $now, '', 'post'
            );
        }
        bulk_query("INSERT INTO $wpdb->posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt,
            post_status, comment_status, ping_status, post_name, to_ping, pinged, post_modified, post_modified_gmt,
            post_content_filtered, post_type) VALUES " . implode(',', $rows));
        $ids = $wpdb->get_col($wpdb->prepare(
            "SELECT ID FROM $wpdb->posts WHERE post_type = 'post' AND post_name IN (" . implode(',', array_fill(0, count($numbers), '%s')) . ')',
            array_map(function ($number) {
                return "bulk-$number";
            }, $numbers)
        ));
        bulk_query("INSERT INTO $wpdb->postmeta (post_id, meta_key, meta_value) VALUES "
            . implode(',', array_map(function ($id) use ($wpdb) {
                return $wpdb->prepare('(%d, %s, %s)', $id, BULK_META, '1');
            }, $ids)));
        bulk_query("INSERT INTO $wpdb->term_relationships (object_id, term_taxonomy_id) VALUES "
            . implode(',', array_map(function ($id) use ($term_taxonomy_id) {
                return sprintf('(%d, %d)', $id, $term_taxonomy_id);
            }, $ids)));
        bulk_query("UPDATE $wpdb->posts SET guid = CONCAT('" . esc_sql(home_url('/?p=')) . "', ID) WHERE guid = '' AND post_name LIKE 'bulk-%'");
    }
    wp_update_term_count_now([$term_taxonomy_id], 'post_tag');
    wp_cache_flush();
}

function bulk_remove()
{
    global $wpdb;
    $ids = $wpdb->get_col($wpdb->prepare("SELECT post_id FROM $wpdb->postmeta WHERE meta_key = %s", BULK_META));
    foreach (array_chunk($ids, 1000) as $chunk) {
        $list = implode(',', array_map('intval', $chunk));
        bulk_query("DELETE FROM $wpdb->term_relationships WHERE object_id IN ($list)");
        bulk_query("DELETE FROM $wpdb->postmeta WHERE post_id IN ($list)");
        bulk_query("DELETE FROM $wpdb->comments WHERE comment_post_ID IN ($list)");
        bulk_query("DELETE FROM $wpdb->posts WHERE ID IN ($list)");
    }
    $term = term_exists(BULK_TAG, 'post_tag');
    if ($term) {
        wp_delete_term((int) $term['term_id'], 'post_tag');
    }
    $user = get_user_by('slug', BULK_AUTHOR);
    if ($user) {
        require_once ABSPATH . 'wp-admin/includes/user.php';
        wp_delete_user($user->ID);
    }
    wp_cache_flush();
    return count($ids);
}

$command = $argv[1] ?? '';
if ($command === 'add' && isset($argv[2]) && ctype_digit($argv[2])) {
    $started = microtime(true);
    bulk_add((int) $argv[2]);
    printf("%d bulk posts (%.1f s)\n", bulk_count(), microtime(true) - $started);
} elseif ($command === 'remove') {
    printf("removed %d bulk posts\n", bulk_remove());
} elseif ($command === 'count') {
    echo bulk_count(), "\n";
} else {
    broadsheet_fail('usage: bulk-posts.php add N | remove | count');
}
