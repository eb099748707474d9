<?php
/**
 * Plugin Name: Broadsheet sync
 * Description: Calls a build hook when the content a Broadsheet site shows changes (posts published, updated,
 *              unpublished, trashed or deleted; tags; authors), so that the static site is brought up to date.
 *              One call for a burst of saves, signed with a shared secret; its last answer is shown under
 *              Settings → Broadsheet sync. Does nothing until a hook URL is set.
 * Version: 1.0
 *
 * Install: copy this file to wp-content/mu-plugins/. Configure in wp-config.php (or under Settings → Broadsheet sync):
 *   define('BROADSHEET_SYNC_HOOK_URL', 'https://hooks.example.org/');   // where to send the call
 *   define('BROADSHEET_SYNC_SECRET', '…');   // signs the body: X-Broadsheet-Signature: sha256=HMAC-SHA256(body)
 *   define('BROADSHEET_SYNC_TOKEN', '…');    // optional: sent as "Authorization: Bearer …" (GitHub's dispatch API)
 *   define('BROADSHEET_SYNC_QUIET', 3);      // optional: seconds without a change before the call is sent
 *
 * How a burst becomes one call: each request that changed something notes the time of its last change at its end
 * (`shutdown`, so a menu save that fires save_post for every item counts once). The first of them to take a lock (a
 * row inserted only if absent, which is atomic in MySQL) asks the site, in a request of its own that the editor does
 * not wait for (a loopback, as WP-Cron spawns itself), to wait until no change has come for BROADSHEET_SYNC_QUIET
 * seconds (at most BROADSHEET_SYNC_MAX_WAIT), then release the lock and send the call. A change that comes after the
 * release takes the lock again, so no change goes without a call after it.
 */

if (!defined('ABSPATH')) {
    exit;
}

const BROADSHEET_SYNC_OPTION_STATUS = 'broadsheet_sync_status';
const BROADSHEET_SYNC_OPTION_CHANGES = 'broadsheet_sync_changes';
const BROADSHEET_SYNC_ROW_CHANGED_AT = 'broadsheet_sync_changed_at';
const BROADSHEET_SYNC_ROW_LOCK = 'broadsheet_sync_lock';
/** A lock older than this is taken over: its loopback never arrived, or died. */
const BROADSHEET_SYNC_STALE_LOCK = 120;
const BROADSHEET_SYNC_MAX_CHANGES = 50;

/** The setting NAME: the constant BROADSHEET_SYNC_NAME if wp-config.php defines it, else the option. */
function broadsheet_sync_setting($name)
{
    $constant = 'BROADSHEET_SYNC_' . strtoupper($name);
    if (defined($constant)) {
        return (string) constant($constant);
    }
    return (string) get_option('broadsheet_sync_' . $name, '');
}

function broadsheet_sync_quiet_seconds()
{
    return defined('BROADSHEET_SYNC_QUIET') ? max(0, (float) BROADSHEET_SYNC_QUIET) : 3.0;
}

function broadsheet_sync_max_wait_seconds()
{
    return defined('BROADSHEET_SYNC_MAX_WAIT') ? max(1, (float) BROADSHEET_SYNC_MAX_WAIT) : 30.0;
}

function broadsheet_sync_enabled()
{
    return broadsheet_sync_setting('hook_url') !== '' && !(defined('WP_IMPORTING') && WP_IMPORTING)
        && !(defined('WP_INSTALLING') && WP_INSTALLING);
}

// ---- What counts as a change -------------------------------------------------------------------------------------

/** The changes of this request, as short descriptions ("post 12 publish → trash"); sent once at its end. */
function broadsheet_sync_note($change)
{
    global $broadsheet_sync_changes;
    if (!broadsheet_sync_enabled()) {
        return;
    }
    $broadsheet_sync_changes = $broadsheet_sync_changes ?? [];
    $broadsheet_sync_changes[$change] = true;
}

function broadsheet_sync_shown_post($post)
{
    return $post instanceof WP_Post && $post->post_type === 'post';
}

// Published, updated while published, unpublished (draft, pending, private, future), trashed: every move into or out
// of "publish", and every save of a published post.
add_action('transition_post_status', function ($new_status, $old_status, $post) {
    if (broadsheet_sync_shown_post($post) && ($new_status === 'publish' || $old_status === 'publish')) {
        broadsheet_sync_note("post {$post->ID} $old_status → $new_status");
    }
}, 10, 3);

// Deleted without passing through the trash (wp_delete_post with force): no status transition is fired.
add_action('before_delete_post', function ($post_id, $post = null) {
    $post = $post ?: get_post($post_id);
    if (broadsheet_sync_shown_post($post) && in_array($post->post_status, ['publish', 'trash'], true)) {
        broadsheet_sync_note("post {$post->ID} deleted");
    }
}, 10, 2);

foreach (['created_term' => 'created', 'edited_term' => 'edited', 'delete_term' => 'deleted'] as $broadsheet_hook => $broadsheet_what) {
    add_action($broadsheet_hook, function ($term_id, $tt_id, $taxonomy) use ($broadsheet_what) {
        if ($taxonomy === 'post_tag' || $taxonomy === 'category') {
            broadsheet_sync_note("$taxonomy $term_id $broadsheet_what");
        }
    }, 10, 3);
}
unset($broadsheet_hook, $broadsheet_what);

// An author's name, slug, description or avatar: their pages and bylines.
add_action('profile_update', function ($user_id) {
    broadsheet_sync_note("user $user_id edited");
});
add_action('deleted_user', function ($user_id) {
    broadsheet_sync_note("user $user_id deleted");
});

// ---- The debounce ---------------------------------------------------------------------------------------------------

/** Reads a row of the options table past WordPress's caches: other requests write these while one waits. */
function broadsheet_sync_row($name)
{
    global $wpdb;
    return $wpdb->get_var($wpdb->prepare("SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name));
}

function broadsheet_sync_write_row($name, $value)
{
    global $wpdb;
    $wpdb->query($wpdb->prepare(
        "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')
         ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)",
        $name,
        $value
    ));
    wp_cache_delete($name, 'options');
}

/** True if this request took the lock; a lock left by a sender that never finished is taken over. */
function broadsheet_sync_take_lock($token)
{
    global $wpdb;
    $held = broadsheet_sync_row(BROADSHEET_SYNC_ROW_LOCK);
    if ($held !== null && time() - (int) $held > BROADSHEET_SYNC_STALE_LOCK) {
        $wpdb->query($wpdb->prepare(
            "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s",
            BROADSHEET_SYNC_ROW_LOCK,
            $held
        ));
    }
    $taken = $wpdb->query($wpdb->prepare(
        "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')",
        BROADSHEET_SYNC_ROW_LOCK,
        $token
    ));
    wp_cache_delete(BROADSHEET_SYNC_ROW_LOCK, 'options');
    return $taken === 1;
}

function broadsheet_sync_release_lock()
{
    global $wpdb;
    $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->options} WHERE option_name = %s", BROADSHEET_SYNC_ROW_LOCK));
    wp_cache_delete(BROADSHEET_SYNC_ROW_LOCK, 'options');
}

/** What proves that a flush request comes from this site: the lock's value, signed with the site's own salt. */
function broadsheet_sync_flush_key($lock)
{
    return hash_hmac('sha256', "broadsheet-sync-flush:$lock", wp_salt('nonce'));
}

add_action('shutdown', function () {
    global $broadsheet_sync_changes;
    if (empty($broadsheet_sync_changes) || !broadsheet_sync_enabled()) {
        return;
    }
    $changes = array_keys($broadsheet_sync_changes);
    $broadsheet_sync_changes = [];

    $pending = json_decode((string) broadsheet_sync_row(BROADSHEET_SYNC_OPTION_CHANGES), true);
    $pending = array_slice(array_values(array_unique(array_merge(is_array($pending) ? $pending : [], $changes))), -BROADSHEET_SYNC_MAX_CHANGES);
    broadsheet_sync_write_row(BROADSHEET_SYNC_OPTION_CHANGES, wp_json_encode($pending));
    broadsheet_sync_write_row(BROADSHEET_SYNC_ROW_CHANGED_AT, sprintf('%.3f', microtime(true)));

    $lock = (string) time();
    if (!broadsheet_sync_take_lock($lock)) {
        return; // a sender is waiting already, and will see this change's time
    }
    $spawned = wp_remote_post(rest_url('broadsheet-sync/v1/flush'), [
        'blocking' => false,
        'timeout' => 0.01,
        'sslverify' => apply_filters('https_local_ssl_verify', false),
        'body' => ['key' => broadsheet_sync_flush_key($lock)],
    ]);
    if (is_wp_error($spawned)) {
        broadsheet_sync_release_lock();
        broadsheet_sync_record_status(['error' => 'could not reach the site itself to send the call: ' . $spawned->get_error_message()]);
    }
}, 1);

add_action('rest_api_init', function () {
    register_rest_route('broadsheet-sync/v1', '/flush', [
        'methods' => 'POST',
        'permission_callback' => function (WP_REST_Request $request) {
            $lock = broadsheet_sync_row(BROADSHEET_SYNC_ROW_LOCK);
            return $lock !== null && hash_equals(broadsheet_sync_flush_key($lock), (string) $request->get_param('key'));
        },
        'callback' => 'broadsheet_sync_flush',
    ]);
});

/** The loopback: waits for the burst to end, then sends one call for all of it. */
function broadsheet_sync_flush()
{
    ignore_user_abort(true); // the request that spawned this one hung up at once
    $quiet = broadsheet_sync_quiet_seconds();
    $max_wait = broadsheet_sync_max_wait_seconds();
    if (function_exists('set_time_limit')) {
        set_time_limit((int) ceil($max_wait) + 60);
    }
    $started = microtime(true);
    while (true) {
        $changed_at = (float) broadsheet_sync_row(BROADSHEET_SYNC_ROW_CHANGED_AT);
        $wait = $changed_at + $quiet - microtime(true);
        $left = $started + $max_wait - microtime(true);
        if ($wait <= 0 || $left <= 0) {
            break;
        }
        usleep((int) (min($wait, $left) * 1e6) + 1000);
    }
    // Released before the changes are read: a change noted from here on takes the lock and gets a call of its own.
    broadsheet_sync_release_lock();
    $changes = json_decode((string) broadsheet_sync_row(BROADSHEET_SYNC_OPTION_CHANGES), true);
    broadsheet_sync_write_row(BROADSHEET_SYNC_OPTION_CHANGES, '[]');
    return rest_ensure_response(broadsheet_sync_send(is_array($changes) ? $changes : []));
}

// ---- The call -------------------------------------------------------------------------------------------------------

/**
 * Sends the call and records its outcome. The body is GitHub's repository_dispatch format, so the hook URL may be
 * GitHub's API (with a token) as well as a receiver of the site owner's (which checks the signature).
 */
function broadsheet_sync_send(array $changes)
{
    $url = broadsheet_sync_setting('hook_url');
    $secret = broadsheet_sync_setting('secret');
    $token = broadsheet_sync_setting('token');
    if ($url === '') {
        return broadsheet_sync_record_status(['error' => 'no hook URL is set']);
    }
    $body = wp_json_encode([
        'event_type' => 'broadsheet-sync',
        'client_payload' => [
            'site' => home_url('/'),
            'sent_at' => gmdate('Y-m-d\TH:i:s\Z'),
            'changes' => array_values($changes),
        ],
    ]);
    $headers = [
        'Content-Type' => 'application/json',
        'Accept' => 'application/vnd.github+json, application/json',
        'User-Agent' => 'broadsheet-sync/1.0 (WordPress)',
    ];
    if ($secret !== '') {
        $headers['X-Broadsheet-Signature'] = 'sha256=' . hash_hmac('sha256', $body, $secret);
    }
    if ($token !== '') {
        $headers['Authorization'] = "Bearer $token";
    }
    $started = microtime(true);
    $response = wp_remote_post($url, ['headers' => $headers, 'body' => $body, 'timeout' => 15, 'redirection' => 0]);
    $status = ['url' => $url, 'changes' => $changes, 'signed' => $secret !== '', 'seconds' => round(microtime(true) - $started, 3)];
    if (is_wp_error($response)) {
        $status['error'] = $response->get_error_message();
    } else {
        $status['code'] = (int) wp_remote_retrieve_response_code($response);
        $status['answer'] = mb_substr(trim(wp_strip_all_tags(wp_remote_retrieve_body($response))), 0, 300);
        if ($status['code'] < 200 || $status['code'] >= 300) {
            $status['error'] = "the hook answered {$status['code']}";
        }
    }
    return broadsheet_sync_record_status($status);
}

function broadsheet_sync_record_status(array $status)
{
    $status = ['time' => gmdate('Y-m-d\TH:i:s\Z')] + $status;
    update_option(BROADSHEET_SYNC_OPTION_STATUS, $status, false);
    return $status;
}

// ---- Settings → Broadsheet sync -----------------------------------------------------------------------------------

add_action('admin_menu', function () {
    add_options_page('Broadsheet sync', 'Broadsheet sync', 'manage_options', 'broadsheet-sync', 'broadsheet_sync_settings_page');
});

add_action('admin_post_broadsheet_sync_save', function () {
    if (!current_user_can('manage_options')) {
        wp_die('You may not change these settings.', 403);
    }
    check_admin_referer('broadsheet_sync_save');
    foreach (['hook_url', 'secret', 'token'] as $name) {
        if (defined('BROADSHEET_SYNC_' . strtoupper($name)) || !isset($_POST[$name])) {
            continue;
        }
        $value = trim(wp_unslash($_POST[$name]));
        if ($name === 'hook_url') {
            update_option('broadsheet_sync_hook_url', esc_url_raw($value, ['http', 'https']), false);
        } elseif ($value !== '') { // a secret left blank keeps the stored one, which the page never shows
            update_option("broadsheet_sync_$name", $value, false);
        }
    }
    $message = 'saved';
    if (isset($_POST['send_now'])) {
        $status = broadsheet_sync_send(['sent by hand from the settings page']);
        $message = empty($status['error']) ? 'sent' : 'failed';
    }
    wp_safe_redirect(add_query_arg('broadsheet-sync', $message, admin_url('options-general.php?page=broadsheet-sync')));
    exit;
});

function broadsheet_sync_settings_page()
{
    $status = get_option(BROADSHEET_SYNC_OPTION_STATUS, []);
    $field = function ($name, $label, $type, $help) {
        $constant = 'BROADSHEET_SYNC_' . strtoupper($name);
        $stored = broadsheet_sync_setting($name);
        echo '<tr><th scope="row"><label for="broadsheet-sync-' . esc_attr($name) . '">' . esc_html($label) . '</label></th><td>';
        if (defined($constant)) {
            echo '<code>' . esc_html($type === 'password' ? '(set in wp-config.php)' : $stored) . '</code> <span class="description">'
                . esc_html("from $constant in wp-config.php") . '</span>';
        } else {
            $value = $type === 'password' ? '' : $stored;
            $placeholder = $type === 'password' && $stored !== '' ? '(set; leave blank to keep)' : '';
            printf(
                '<input class="regular-text" type="%s" id="broadsheet-sync-%s" name="%s" value="%s" placeholder="%s" autocomplete="off">',
                esc_attr($type),
                esc_attr($name),
                esc_attr($name),
                esc_attr($value),
                esc_attr($placeholder)
            );
        }
        echo '<p class="description">' . esc_html($help) . '</p></td></tr>';
    };
    echo '<div class="wrap"><h1>Broadsheet sync</h1>';
    $notice = isset($_GET['broadsheet-sync']) ? sanitize_key($_GET['broadsheet-sync']) : '';
    if ($notice !== '') {
        $text = ['saved' => 'Settings saved.', 'sent' => 'The call was sent.', 'failed' => 'The call failed: see below.'][$notice] ?? '';
        $class = $notice === 'failed' ? 'notice-error' : 'notice-success';
        echo '<div class="notice ' . esc_attr($class) . '"><p>' . esc_html($text) . '</p></div>';
    }
    echo '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '">';
    wp_nonce_field('broadsheet_sync_save');
    echo '<input type="hidden" name="action" value="broadsheet_sync_save"><table class="form-table" role="presentation">';
    $field('hook_url', 'Hook URL', 'url', 'Called after posts, tags or authors change. Empty: no calls.');
    $field('secret', 'Secret', 'password', 'Signs each call (X-Broadsheet-Signature: sha256=HMAC-SHA256 of the body); the receiver checks it.');
    $field('token', 'Bearer token', 'password', 'Optional: sent as "Authorization: Bearer …", e.g. a GitHub token for the repository_dispatch API.');
    echo '</table><p class="submit">';
    submit_button('Save', 'primary', 'submit', false);
    echo ' ';
    submit_button('Save and send a call now', 'secondary', 'send_now', false);
    echo '</p></form><h2>Last call</h2>';
    if (!$status) {
        echo '<p>None yet.</p>';
    } else {
        echo '<table class="widefat striped" style="max-width:60em"><tbody>';
        $rows = [
            'When' => $status['time'] ?? '',
            'To' => $status['url'] ?? '',
            'Answer' => isset($status['code']) ? $status['code'] . (($status['answer'] ?? '') !== '' ? ' ' . $status['answer'] : '') : '—',
            'Error' => $status['error'] ?? 'none',
            'Signed' => isset($status['signed']) ? ($status['signed'] ? 'yes' : 'no (no secret set)') : '—',
            'Changes' => implode('; ', $status['changes'] ?? []),
        ];
        foreach ($rows as $label => $value) {
            echo '<tr><th scope="row" style="width:8em">' . esc_html($label) . '</th><td>' . esc_html((string) $value) . '</td></tr>';
        }
        echo '</tbody></table>';
    }
    echo '</div>';
}

// A failed last call is said on the dashboard too, where an editor looks, until a call succeeds.
add_action('admin_notices', function () {
    $status = get_option(BROADSHEET_SYNC_OPTION_STATUS, []);
    if (empty($status['error']) || !current_user_can('manage_options') || !broadsheet_sync_enabled()) {
        return;
    }
    printf(
        '<div class="notice notice-error"><p>%s <a href="%s">Broadsheet sync</a></p></div>',
        esc_html("The last call to the site's build hook failed ({$status['time']}): {$status['error']}."),
        esc_url(admin_url('options-general.php?page=broadsheet-sync'))
    );
});
