// The publish trigger end to end: the must-use plugin (wordpress/broadsheet-sync.php) in the test
// WordPress calls broadsheet-hook, which checks the signature and runs the sync (scripts/sync) of a
// site prerendered from that WordPress, one run for a burst of saves. Posts are written through the
// REST API as an editor's browser writes them.

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROOT, openPage, startWordPress, useSite, withWordPressOption, wordpress as wordpressCommand } from './support.mjs';

const HOOK = path.join(ROOT, 'target/release/broadsheet-hook');
const SECRET = `e2e-${process.pid}-${Date.now()}`;

/** Starts broadsheet-hook running `command`; resolves to { url, status(), stop() }. */
async function startHook(command, secret = SECRET) {
  const child = spawn(HOOK, ['--port', '0', '--', ...command], {
    env: { ...process.env, BROADSHEET_HOOK_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => { throw new Error(`broadsheet-hook exited with ${code}`); }),
  ]);
  const url = first.trim();
  return {
    url,
    async status() {
      return (await fetch(`${url}status`)).json();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

/** The test WordPress's REST API as its administrator (an application password). */
function restClient(wordpress) {
  const login = execFileSync('php', [path.join(ROOT, 'scripts/wordpress.d/app-password.php')], {
    encoding: 'utf-8', env: { ...process.env, BROADSHEET_WP_PORT: new URL(wordpress).port },
  }).trim();
  const authorization = `Basic ${Buffer.from(login).toString('base64')}`;
  return async (method, route, body) => {
    const response = await fetch(`${wordpress}wp-json/wp/v2/${route}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    assert.ok(response.ok, `${method} ${route}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
}

/** Polls `probe` until it returns something truthy; fails after `seconds`. */
async function until(what, probe, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    assert.ok(Date.now() < deadline, `${what} within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs fn with the plugin pointed at `hookUrl` and signing with `secret`; then unconfigured again. */
async function withPlugin(hookUrl, secret, fn) {
  return withWordPressOption('broadsheet_sync_secret', secret, () => withWordPressOption('broadsheet_sync_hook_url', hookUrl, fn));
}

/** The plugin's record of its last call (Settings → Broadsheet sync shows it). */
function lastCall() {
  return JSON.parse(execFileSync(path.join(ROOT, 'scripts/wordpress'), ['option', 'broadsheet_sync_status'], { encoding: 'utf-8' }));
}

describe('the build hook from WordPress', () => {
  const shared = useSite(null);
  let wordpress;
  let rest;
  let dir;
  let hook;
  const created = [];

  before(async () => {
    wordpress = startWordPress();
    rest = restClient(wordpress);
    dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-hook-'));
    cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    execFileSync(path.join(ROOT, 'scripts/configure'), [
      dir, '--wordpress', `${wordpress}wp-json/`, '--per-page', '5', '--language', 'en-GB', '--prerender',
    ], { stdio: 'ignore' });
    hook = await startHook([path.join(ROOT, 'scripts/sync'), dir]);
  });

  after(async () => {
    await hook?.stop();
    for (const id of created) await rest('DELETE', `posts/${id}?force=true`).catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const page = (address) => readFileSync(path.join(dir, address, 'index.html'), 'utf-8');

  async function settled(triggers) {
    return until(`the hook settles after ${triggers} calls`, async () => {
      const status = await hook.status();
      return status.triggers >= triggers && !status.running && !status.pending && status.runs_finished >= 1 && status;
    }, 120);
  }

  it('publishing a post sends one signed call, and the sync writes its page and the home page', async () => {
    await withPlugin(hook.url, SECRET, async () => {
      const title = `Hook test ${process.pid} ${Date.now()}`;
      const post = await rest('POST', 'posts', { title, status: 'publish', content: '<p>Published by hook.test.mjs.</p>' });
      created.push(post.id);
      assert.ok(!existsSync(path.join(dir, post.slug)), 'no page before the hook');
      const status = await settled(1);
      assert.equal(status.triggers, 1, 'one call');
      assert.deepEqual([status.runs_finished, status.last.exit_code], [1, 0], 'one sync, which succeeded');
      assert.ok(page(post.slug).includes(title), 'the new page');
      assert.ok(page('').includes(title), 'the home page lists it');
      const call = await until('the plugin records the call', () => {
        const recorded = lastCall();
        return recorded.changes?.includes(`post ${post.id} new → publish`) && recorded;
      });
      assert.equal(call.code, 202, 'the receiver accepted the signature');
      assert.equal(call.signed, true);
    });
  });

  it('a burst of 10 saves gives one call and one sync', async () => {
    await withPlugin(hook.url, SECRET, async () => {
      const post = await rest('POST', 'posts', { title: `Hook burst ${process.pid} ${Date.now()}`, status: 'publish' });
      created.push(post.id);
      const before = await settled((await hook.status()).triggers + 1);
      for (let save = 1; save <= 10; save += 1) {
        await rest('POST', `posts/${post.id}`, { title: `Hook burst ${process.pid}, save ${save}` });
      }
      const status = await settled(before.triggers + 1);
      // Nothing more comes later: the plugin sent the burst as one.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const later = await hook.status();
      assert.equal(later.triggers, before.triggers + 1, 'one call for 10 saves');
      assert.equal(later.runs_finished, before.runs_finished + 1, 'one sync');
      assert.equal(status.last.exit_code, 0);
      assert.ok(page(post.slug).includes(`Hook burst ${process.pid}, save 10`), 'the page shows the last save');
      assert.match(lastCall().changes.join('\n'), new RegExp(`post ${post.id} publish → publish`));
    });
  });

  it('refuses a call with a wrong signature, and the plugin shows the refusal', async () => {
    const before = await hook.status();
    const body = JSON.stringify({ event_type: 'broadsheet-sync', client_payload: { changes: [] } });
    for (const signature of [undefined, 'sha256=' + '0'.repeat(64), 'not a signature']) {
      const response = await fetch(hook.url, {
        method: 'POST', body, headers: signature ? { 'x-broadsheet-signature': signature } : {},
      });
      assert.equal(response.status, 401, `signature ${signature}`);
      assert.match((await response.json()).error, /X-Broadsheet-Signature/);
    }

    await withPlugin(hook.url, 'not the receiver\'s secret', async () => {
      const post = await rest('POST', 'posts', { title: `Hook wrong secret ${process.pid} ${Date.now()}`, status: 'publish' });
      created.push(post.id);
      const call = await until('the plugin records the refused call', () => {
        const recorded = lastCall();
        return recorded.changes?.includes(`post ${post.id} new → publish`) && recorded;
      });
      assert.equal(call.code, 401);
      assert.match(call.error, /answered 401/);
    });
    const status = await hook.status();
    assert.equal(status.triggers, before.triggers, 'nothing was accepted');
    assert.equal(status.runs_started, before.runs_started, 'nothing ran');
  });

  it('Settings → Broadsheet sync shows the last call, and sends one by hand', async () => {
    await withPlugin(hook.url, SECRET, async () => {
      const before = await hook.status();
      const cookies = JSON.parse(execFileSync('php', [path.join(ROOT, 'scripts/wordpress.d/login-cookies.php')], {
        encoding: 'utf-8', env: { ...process.env, BROADSHEET_WP_PORT: new URL(wordpress).port },
      }));
      const admin = await openPage(shared.browser);
      await admin.context().addCookies(cookies.map(({ name, value }) => ({ name, value, url: wordpress })));
      await admin.goto(`${wordpress}wp-admin/options-general.php?page=broadsheet-sync`);
      assert.equal(await admin.getByLabel('Hook URL').inputValue(), hook.url);
      assert.equal(await admin.getByLabel('Secret').inputValue(), '', 'the secret is never shown');
      assert.match(await admin.getByLabel('Secret').getAttribute('placeholder'), /set; leave blank to keep/);

      await admin.getByRole('button', { name: 'Save and send a call now' }).click();
      await admin.getByText('The call was sent.').waitFor();
      const lastCallTable = admin.locator('h2:text("Last call") + table');
      assert.match(await lastCallTable.innerText(), /Answer\s+202/);
      assert.match(await lastCallTable.innerText(), /sent by hand from the settings page/);
      const status = await settled(before.triggers + 1);
      assert.equal(status.triggers, before.triggers + 1, 'the receiver got it');
      assert.equal(wordpressCommand('option', 'broadsheet_sync_secret').trim(), SECRET, 'saving with the field blank kept the secret');
    });
  });
});
