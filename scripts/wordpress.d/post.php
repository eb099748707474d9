<?php
/**
 * Publishes, changes and deletes posts of the test WordPress as an editor would, for the tests of what follows a
 * change (the sync of prerendered pages). WordPress's own functions run, so its hooks fire as for a save in the admin.
 *
 *   php post.php create '{"title": "…", "tag": "harbour", "section": "news", "author": "ada-okafor"}'
 *                                                       prints the new post's id
 *   php post.php update ID '{"status": "draft"}'        also "slug", "title", "content", "excerpt", "tag", "section",
 *                                                       "author"
 *   php post.php delete ID                              deletes it for good (not to the trash)
 */
require __DIR__ . '/bootstrap.php';

/** The post fields of the JSON `$text`: WordPress's names for ours. */
function broadsheet_post_fields($text)
{
    $given = json_decode($text, true);
    if (!is_array($given)) {
        broadsheet_fail('the post is not a JSON object: ' . $text);
    }
    $fields = [];
    foreach (['title' => 'post_title', 'slug' => 'post_name', 'status' => 'post_status',
        'content' => 'post_content', 'excerpt' => 'post_excerpt'] as $ours => $theirs) {
        if (isset($given[$ours])) {
            $fields[$theirs] = $given[$ours];
        }
    }
    if (isset($given['author'])) {
        $user = get_user_by('slug', $given['author']);
        if (!$user) {
            broadsheet_fail('no author ' . $given['author']);
        }
        $fields['post_author'] = $user->ID;
    }
    // Its tag and its section (a category), by taxonomy.
    $terms = [];
    foreach (['tag' => 'post_tag', 'section' => 'category'] as $ours => $taxonomy) {
        if (isset($given[$ours])) {
            $terms[$taxonomy] = $given[$ours];
        }
    }
    return [$fields, $terms];
}

/** Files the post under the term of each taxonomy `$terms` names by slug, and under that one only. */
function broadsheet_set_terms($post_id, $terms)
{
    foreach ($terms as $taxonomy => $slug) {
        $term = get_term_by('slug', $slug, $taxonomy);
        if (!$term) {
            broadsheet_fail("no $taxonomy $slug");
        }
        $result = wp_set_object_terms($post_id, [(int) $term->term_id], $taxonomy);
        if (is_wp_error($result)) {
            broadsheet_fail($result->get_error_message());
        }
    }
}

$command = $argv[1] ?? '';
if ($command === 'create' && $argc === 3) {
    [$fields, $terms] = broadsheet_post_fields($argv[2]);
    $id = wp_insert_post(wp_slash($fields + ['post_type' => 'post', 'post_status' => 'publish']), true);
    if (is_wp_error($id)) {
        broadsheet_fail($id->get_error_message());
    }
    broadsheet_set_terms($id, $terms);
    echo $id, "\n";
} elseif ($command === 'update' && $argc === 4) {
    [$fields, $terms] = broadsheet_post_fields($argv[3]);
    $result = wp_update_post(wp_slash($fields + ['ID' => (int) $argv[2]]), true);
    if (is_wp_error($result)) {
        broadsheet_fail($result->get_error_message());
    }
    broadsheet_set_terms((int) $argv[2], $terms);
} elseif ($command === 'delete' && $argc === 3) {
    if (!wp_delete_post((int) $argv[2], true)) {
        broadsheet_fail('no post ' . $argv[2]);
    }
} else {
    broadsheet_fail('usage: post.php create JSON | update ID JSON | delete ID');
}
