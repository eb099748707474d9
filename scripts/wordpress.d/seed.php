<?php
/**
 * Installs WordPress into an empty database and fills it with the static sample site, so that the end-to-end tests
 * can expect the same titles, slugs, authors and counts from both sources. Run by `scripts/wordpress start`, which
 * sets:
 *   BROADSHEET_WP_PORT          the port the site is served on (home and siteurl are http://127.0.0.1:PORT)
 *   BROADSHEET_WP_DATA          the static data folder (public/data/), read as documented in docs/data-format.md
 *   BROADSHEET_WP_SEED_VERSION  stored in the option `broadsheet_seed_version` once everything is in
 *   BROADSHEET_WP_INSTALLING=1  (see bootstrap.php)
 */
require __DIR__ . '/bootstrap.php';

// Installing must not send mail or make HTTP requests (the pretty-permalink probe): the network is closed.
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
{
}
add_filter('pre_http_request', function () {
    return new WP_Error('broadsheet_offline', 'scripts/wordpress makes no HTTP requests while seeding');
});
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

$port = (int) getenv('BROADSHEET_WP_PORT');
$data = rtrim((string) getenv('BROADSHEET_WP_DATA'), '/');
$version = (string) getenv('BROADSHEET_WP_SEED_VERSION');
if ($port < 1 || $data === '' || $version === '') {
    broadsheet_fail('BROADSHEET_WP_PORT, BROADSHEET_WP_DATA and BROADSHEET_WP_SEED_VERSION must be set');
}
$base_url = "http://127.0.0.1:$port";

function read_json($path)
{
    $text = @file_get_contents($path);
    if ($text === false) {
        broadsheet_fail("cannot read $path");
    }
    $value = json_decode($text, true);
    if (!is_array($value)) {
        broadsheet_fail("$path is not a JSON object: " . json_last_error_msg());
    }
    return $value;
}

/** "2026-11-03T08:30:00Z" (or with an offset) -> "2026-11-03 08:30:00" in UTC, the site's time zone. */
function utc_mysql($time)
{
    try {
        $date = new DateTimeImmutable($time);
    } catch (Exception $e) {
        broadsheet_fail("bad time: $time");
    }
    return $date->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s');
}

/**
 * Copies a file named by a data-relative media URL into uploads/broadsheet/ (once) and returns its path relative
 * to the uploads folder, or null for an absolute URL, which cannot be copied.
 */
function copy_media($data, $url)
{
    if (preg_match('~^[a-z][a-z0-9+.-]*:~i', $url) || strpos($url, '//') === 0) {
        fwrite(STDERR, "warning: $url is not a local file; left out\n");
        return null;
    }
    $relative = ltrim($url, '/');
    if (strpos('/' . $relative . '/', '/../') !== false) {
        broadsheet_fail("media URL goes outside the data folder: $url");
    }
    $source = "$data/$relative";
    if (!is_file($source)) {
        broadsheet_fail("media file not found: $source");
    }
    $uploads = wp_get_upload_dir();
    $target_relative = "broadsheet/$relative";
    $target = $uploads['basedir'] . '/' . $target_relative;
    if (!is_file($target) || md5_file($target) !== md5_file($source)) {
        if (!wp_mkdir_p(dirname($target)) || !copy($source, $target)) {
            broadsheet_fail("cannot copy $source to $target");
        }
        chmod($target, 0644);
    }
    return $target_relative;
}

/**
 * Bodies of the static sample name their pictures relative to the site root (`data/media/...`);
 * in WordPress they live in uploads, at absolute URLs as WordPress's editor writes them.
 */
function body_with_uploaded_media($data, $html)
{
    return preg_replace_callback('~\b(src|href)="data/(media/[^"]+)"~', function ($match) use ($data) {
        $file = copy_media($data, $match[2]);
        // Within the run that installs WordPress, the uploads URL is still root-relative.
        $base = wp_get_upload_dir()['baseurl'];
        if (strpos($base, '/') === 0) {
            $base = untrailingslashit(get_option('siteurl')) . $base;
        }
        return $match[1] . '="' . esc_url("$base/$file") . '"';
    }, $html);
}

function mime_of($path)
{
    $types = [
        'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg',
        'gif' => 'image/gif', 'webp' => 'image/webp', 'avif' => 'image/avif',
    ];
    $ext = strtolower(pathinfo($path, PATHINFO_EXTENSION));
    return $types[$ext] ?? 'application/octet-stream';
}

// ---------------------------------------------------------------------------------------------------------------
// Read the static site first, so that bad data fails before anything is written.

$site = read_json("$data/site.json");
$authors = read_json("$data/authors.json")['authors'] ?? broadsheet_fail('authors.json has no authors');
$tags = read_json("$data/tags.json")['tags'] ?? broadsheet_fail('tags.json has no tags');
$sections = read_json("$data/sections.json")['sections'] ?? broadsheet_fail('sections.json has no sections');
$index = read_json("$data/index/page-1.json");
$articles = [];
foreach (glob("$data/articles/*.json") as $file) {
    $article = read_json($file);
    if (($article['slug'] ?? null) !== basename($file, '.json')) {
        broadsheet_fail("$file: slug does not match the file name");
    }
    $articles[] = $article;
}
if (!$articles) {
    broadsheet_fail("no articles in $data/articles/");
}
if (count($articles) !== (int) $index['total_articles']) {
    fwrite(STDERR, sprintf("warning: %d article files but index/page-1.json says %d articles\n", count($articles), $index['total_articles']));
}
// Oldest first, so that post ids grow with the publication date.
usort($articles, function ($a, $b) {
    return [utc_mysql($a['published']), $a['slug']] <=> [utc_mysql($b['published']), $b['slug']];
});
// The listings' page size: a full first page, unless everything fits on one page.
$per_page = max(1, (int) $index['total_pages'] > 1 ? count($index['articles']) : max(count($index['articles']), 10));

// ---------------------------------------------------------------------------------------------------------------
// Install.

if (is_blog_installed()) {
    broadsheet_fail('WordPress is already installed in this database; scripts/wordpress start --reseed starts over');
}
$installed = wp_install($site['title'], 'admin', 'admin@broadsheet.test', 0, '', wp_generate_password(24, false));
$admin_id = (int) $installed['user_id'];
wp_set_current_user($admin_id);
// Content is stored as given, like an administrator's (who has unfiltered_html); the front end sanitizes it.
kses_remove_filters();

update_option('siteurl', $base_url);
update_option('home', $base_url);

// The default content: "Hello world!", its comment, "Sample Page" and the draft privacy policy page.
foreach ($wpdb->get_col("SELECT ID FROM $wpdb->posts") as $id) {
    wp_delete_post((int) $id, true);
}
foreach ($wpdb->get_col("SELECT comment_ID FROM $wpdb->comments") as $id) {
    wp_delete_comment((int) $id, true);
}
update_option('wp_page_for_privacy_policy', 0);

$options = [
    'blogname' => $site['title'],
    'blogdescription' => $site['tagline'],
    'posts_per_page' => $per_page,
    'posts_per_rss' => $per_page,
    'timezone_string' => 'UTC',
    'gmt_offset' => 0,
    'show_avatars' => 1,
    'default_comment_status' => 'open',
    'default_ping_status' => 'closed',
    'default_pingback_flag' => 0,
    'comment_moderation' => 0,
    'comment_previously_approved' => 0,
    'comment_registration' => 0,
    'require_name_email' => 1,
    'close_comments_for_old_posts' => 0,
    'thread_comments' => 1,
    'page_comments' => 0,
    'show_on_front' => 'posts',
    'page_on_front' => 0,
    'page_for_posts' => 0,
    'users_can_register' => 0,
    'fresh_site' => 0,
];
foreach ($options as $name => $value) {
    update_option($name, $value);
}
// The site's language is not set: WordPress only accepts a WPLANG it has translations for, and Debian ships none for
// en_GB. Comment flooding: nothing to set. WordPress's own check (15 seconds between comments from one IP address or
// e-mail address, skipped for moderators) stays as it is, and no plugin changes it.

global $wp_rewrite;
update_option('category_base', '');
update_option('tag_base', '');
$wp_rewrite->set_permalink_structure('/%postname%/');
// Tag and category permalinks are only registered (at init) when permalinks are on, which they were not yet.
create_initial_taxonomies();
flush_rewrite_rules(false);

// ---------------------------------------------------------------------------------------------------------------
// Authors, tags.

$user_ids = [];
$user_by_name = [];
foreach ($authors as $author) {
    $id = wp_insert_user(wp_slash([
        'user_login' => $author['slug'],
        'user_nicename' => $author['slug'],
        'user_email' => $author['slug'] . '@broadsheet.test',
        'user_pass' => wp_generate_password(24, false),
        'display_name' => $author['name'],
        'nickname' => $author['name'],
        'description' => $author['bio'],
        'role' => 'author',
    ]));
    if (is_wp_error($id)) {
        broadsheet_fail("author {$author['slug']}: " . $id->get_error_message());
    }
    if (!empty($author['avatar']['url'])) {
        $avatar = copy_media($data, $author['avatar']['url']);
        if ($avatar) {
            update_user_meta($id, 'broadsheet_avatar', $avatar);
        }
    }
    $user_ids[$author['slug']] = $id;
    $user_by_name[$author['name']] = $id;
}

$tag_ids = [];
foreach ($tags as $tag) {
    $term = wp_insert_term(wp_slash($tag['name']), 'post_tag', wp_slash([
        'slug' => $tag['slug'],
        'description' => $tag['description'],
    ]));
    if (is_wp_error($term)) {
        broadsheet_fail("tag {$tag['slug']}: " . $term->get_error_message());
    }
    $tag_ids[$tag['slug']] = (int) $term['term_id'];
}

// The sections are categories, beside WordPress's own "Uncategorized".
$category_ids = [];
foreach ($sections as $section) {
    $term = wp_insert_term(wp_slash($section['name']), 'category', wp_slash([
        'slug' => $section['slug'],
        'description' => $section['description'],
    ]));
    if (is_wp_error($term)) {
        broadsheet_fail("section {$section['slug']}: " . $term->get_error_message());
    }
    $category_ids[$section['slug']] = (int) $term['term_id'];
}

// ---------------------------------------------------------------------------------------------------------------
// Articles, their featured images and their comments.

$post_ids = [];
$default_avatar = null;
$counts = ['posts' => 0, 'attachments' => 0, 'comments' => 0];
foreach ($articles as $article) {
    $slug = $article['slug'];
    $author_id = $user_ids[$article['author']] ?? broadsheet_fail("$slug: unknown author {$article['author']}");
    $published = utc_mysql($article['published']);
    $modified = utc_mysql($article['modified'] ?? $article['published']);

    $post_id = wp_insert_post(wp_slash([
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_name' => $slug,
        'post_title' => $article['title'],
        'post_content' => body_with_uploaded_media($data, $article['body_html']),
        'post_excerpt' => $article['excerpt'],
        'post_author' => $author_id,
        'post_date' => $published,
        'post_date_gmt' => $published,
        'comment_status' => 'open',
        'ping_status' => 'closed',
    ]), true);
    if (is_wp_error($post_id)) {
        broadsheet_fail("$slug: " . $post_id->get_error_message());
    }
    $stored_slug = get_post_field('post_name', $post_id);
    if ($stored_slug !== $slug) {
        broadsheet_fail("$slug: WordPress stored the slug as $stored_slug");
    }
    $post_ids[$slug] = $post_id;
    $counts['posts']++;

    $terms = [];
    foreach ($article['tags'] as $tag_slug) {
        $terms[] = $tag_ids[$tag_slug] ?? broadsheet_fail("$slug: unknown tag $tag_slug");
    }
    $result = wp_set_object_terms($post_id, $terms, 'post_tag');
    if (is_wp_error($result)) {
        broadsheet_fail("$slug: tags: " . $result->get_error_message());
    }
    // A post in no section stays in "Uncategorized", as WordPress files it.
    $categories = [];
    foreach ($article['sections'] ?? [] as $section_slug) {
        $categories[] = $category_ids[$section_slug] ?? broadsheet_fail("$slug: unknown section $section_slug");
    }
    if ($categories) {
        $result = wp_set_post_categories($post_id, $categories);
        if (is_wp_error($result) || $result === false) {
            broadsheet_fail("$slug: sections: could not be set");
        }
    }
    // Not shown by the REST API: kept for a future Broadsheet plugin that exposes them.
    foreach (['language', 'direction'] as $field) {
        if (!empty($article[$field])) {
            update_post_meta($post_id, "broadsheet_$field", $article[$field]);
        }
    }

    $image = $article['image'] ?? null;
    if ($image && !empty($image['url'])) {
        $file = copy_media($data, $image['url']);
        if ($file) {
            $uploads = wp_get_upload_dir();
            $attachment_id = wp_insert_attachment(wp_slash([
                'post_title' => pathinfo($file, PATHINFO_FILENAME),
                'post_name' => "$slug-image",
                'post_excerpt' => $image['caption'] ?? '',
                'post_content' => '',
                'post_mime_type' => mime_of($file),
                'post_status' => 'inherit',
                'post_author' => $author_id,
                'post_date' => $published,
                'post_date_gmt' => $published,
                'guid' => $uploads['baseurl'] . '/' . $file,
            ]), $uploads['basedir'] . '/' . $file, $post_id, true);
            if (is_wp_error($attachment_id)) {
                broadsheet_fail("$slug: image: " . $attachment_id->get_error_message());
            }
            // Inserted directly, so no upload checks (SVG is not an allowed upload type) and no resized copies.
            wp_update_attachment_metadata($attachment_id, [
                'width' => (int) $image['width'],
                'height' => (int) $image['height'],
                'file' => $file,
                'filesize' => filesize($uploads['basedir'] . '/' . $file),
                'sizes' => [],
                'image_meta' => [],
            ]);
            update_post_meta($attachment_id, '_wp_attachment_image_alt', wp_slash($image['alt'] ?? ''));
            if (!set_post_thumbnail($post_id, $attachment_id)) {
                update_post_meta($post_id, '_thumbnail_id', $attachment_id);
            }
            $counts['attachments']++;
        }
    }

    $comments_file = "$data/comments/$slug.json";
    if (is_file($comments_file)) {
        $comment_ids = [];
        foreach (read_json($comments_file)['comments'] ?? [] as $comment) {
            $parent = (int) $comment['parent'];
            if ($parent !== 0 && !isset($comment_ids[$parent])) {
                broadsheet_fail("$comments_file: comment {$comment['id']} answers unknown comment $parent");
            }
            // A comment signed with an author's name is that author's (as when they comment logged in).
            $user_id = $user_by_name[$comment['author_name']] ?? 0;
            $user = $user_id ? get_userdata($user_id) : null;
            $date = utc_mysql($comment['date']);
            $comment_id = wp_insert_comment(wp_slash([
                'comment_post_ID' => $post_id,
                'comment_parent' => $parent ? $comment_ids[$parent] : 0,
                'comment_author' => $comment['author_name'],
                'comment_author_email' => $user ? $user->user_email : '',
                'comment_author_url' => $comment['author_url'] ?? '',
                'comment_author_IP' => '',
                'comment_agent' => '',
                'comment_date' => $date,
                'comment_date_gmt' => $date,
                'comment_content' => $comment['content_html'],
                'comment_approved' => 1,
                'comment_type' => 'comment',
                'user_id' => $user_id,
            ]));
            if (!$comment_id) {
                broadsheet_fail("$comments_file: comment {$comment['id']} was not inserted");
            }
            $comment_ids[(int) $comment['id']] = $comment_id;
            $counts['comments']++;
            // Readers' avatar (the sample uses one picture for every reader): the test avatars plugin's default.
            if (!$user_id && $default_avatar === null && !empty($comment['avatar']['url'])) {
                $default_avatar = copy_media($data, $comment['avatar']['url']);
            }
        }
    }
}

// wp_insert_post() sets post_modified to now and makes posts dated in the future "scheduled": store the article's
// own times and status directly.
foreach ($articles as $article) {
    $post_id = $post_ids[$article['slug']];
    $modified = utc_mysql($article['modified'] ?? $article['published']);
    $wpdb->update($wpdb->posts, [
        'post_status' => 'publish',
        'post_modified' => $modified,
        'post_modified_gmt' => $modified,
    ], ['ID' => $post_id]);
    wp_clear_scheduled_hook('publish_future_post', [$post_id]);
    clean_post_cache($post_id);
}
// Term counts only count published posts: count again now that all are.
wp_update_term_count_now(array_values($tag_ids), 'post_tag');
wp_update_term_count_now(get_terms(['taxonomy' => 'category', 'hide_empty' => false, 'fields' => 'ids']), 'category');

if ($default_avatar === null) {
    // No reader avatar in the data: a plain local picture, so that nothing points at gravatar.com.
    $uploads = wp_get_upload_dir();
    wp_mkdir_p($uploads['basedir'] . '/broadsheet');
    file_put_contents(
        $uploads['basedir'] . '/broadsheet/default-avatar.svg',
        '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="#c8ccd2"/><circle cx="48" cy="38" r="18" fill="#f4f5f7"/><path d="M14 96c4-22 18-32 34-32s30 10 34 32z" fill="#f4f5f7"/></svg>' . "\n"
    );
    $default_avatar = 'broadsheet/default-avatar.svg';
}
update_option('broadsheet_default_avatar', $default_avatar);

// Check the counts that the tests compare against the static files.
foreach ($tags as $tag) {
    $term = get_term($tag_ids[$tag['slug']], 'post_tag');
    if ((int) $term->count !== (int) $tag['article_count']) {
        fwrite(STDERR, "warning: tag {$tag['slug']} has {$term->count} posts, tags.json says {$tag['article_count']}\n");
    }
}
foreach ($sections as $section) {
    $term = get_term($category_ids[$section['slug']], 'category');
    if ((int) $term->count !== (int) $section['article_count']) {
        fwrite(STDERR, "warning: section {$section['slug']} has {$term->count} posts, sections.json says {$section['article_count']}\n");
    }
}
foreach ($authors as $author) {
    $n = (int) count_user_posts($user_ids[$author['slug']], 'post', true);
    if ($n !== (int) $author['article_count']) {
        fwrite(STDERR, "warning: author {$author['slug']} has $n posts, authors.json says {$author['article_count']}\n");
    }
}

wp_cache_flush();
update_option('broadsheet_seed_version', $version);
printf(
    "seeded %s: %d posts, %d authors, %d tags, %d sections, %d featured images, %d comments, %d posts per page\n",
    $base_url, $counts['posts'], count($user_ids), count($tag_ids), count($category_ids), $counts['attachments'], $counts['comments'],
    $per_page
);
