// Static-first pages: a prerendered page downloads no wasm until a reader needs an island, its ticker
// moves and pauses without any, text typed into its comment form before the island arrives survives
// and posts, links are prefetched while hovered, and going back restores the page from the
// back/forward cache.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean, heading, launchBrowser, openPage, startConfiguredSite, startWordPress, useSite, withSite,
} from './support.mjs';

// One browser, and a server over the release build, for this file's tests.
const shared = useSite();

/** The track's horizontal offset in pixels, from its computed transform. */
const offset = (page) => page.locator('.ticker-track').evaluate((track) => new DOMMatrixReadOnly(getComputedStyle(track).transform).m41);

/** Every wasm and script file the page asked for, by path. */
function downloads(page) {
  const files = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/\.(wasm|js)$/.test(pathname)) files.push(pathname);
  });
  return files;
}

describe('static-first pages', () => {
  it('a prerendered article downloads no wasm or script file while it is read', async () => {
    const page = await openPage(shared.browser);
    const files = downloads(page);
    await page.goto(`${shared.server.url}harbour-redevelopment-explained/`);
    await heading(page);
    // Read to the end: its comments are closed here, so the thread has nothing to load.
    await page.locator('.comments-closed').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.deepEqual(files, []);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'the full app never ran');
    await assertClean(page);
  });

  it('the ticker moves, pauses and plays with its wasm blocked', async () => {
    const page = await openPage(shared.browser);
    const files = downloads(page);
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${shared.server.url}harbour-redevelopment-explained/`);
    await page.locator('.ticker-track.running').waitFor();
    assert.equal(await page.locator('.ticker-list').first().locator('a').count(), 8, 'the headlines are in the page');
    const first = await offset(page);
    await page.waitForTimeout(300);
    assert.ok((await offset(page)) < first - 5, 'it moves');
    const toggle = page.locator('.ticker-toggle');
    await toggle.click();
    assert.equal(await toggle.textContent(), 'Play');
    const stopped = await offset(page);
    await page.waitForTimeout(300);
    assert.equal(await offset(page), stopped, 'paused');
    await toggle.click();
    assert.equal(await toggle.textContent(), 'Pause');
    await page.waitForTimeout(300);
    assert.notEqual(await offset(page), stopped, 'playing again');
    assert.deepEqual(files, [], 'no wasm was even asked for');
  });

  it('the ticker island takes over when its headlines are due, keeping a pause', async () => {
    const page = await openPage(shared.browser);
    const files = downloads(page);
    await page.clock.install();
    await page.goto(shared.server.url);
    await heading(page);
    await page.locator('.ticker-toggle').click();
    assert.deepEqual(files, [], 'nothing loads before the headlines are due');
    // config.json's refresh_seconds: 300.
    await page.clock.runFor(301_000);
    await page.waitForFunction(() => document.querySelector('[data-island=ticker]').dataset.state === 'ready', null, { timeout: 15000 });
    assert.ok(files.some((file) => file.endsWith('/islands/ticker_bg.wasm')), files.join(', '));
    assert.ok(!files.some((file) => file.includes('/islands/comments')), 'only the ticker\'s bundle');
    assert.equal(await page.locator('.ticker-toggle').textContent(), 'Play', 'still paused');
    assert.equal(await page.locator('.ticker.paused').count(), 1);
    await page.locator('.ticker-toggle').click();
    assert.equal(await page.locator('.ticker-toggle').textContent(), 'Pause', 'the island runs the button');
    assert.equal(await page.locator('.ticker.paused').count(), 0);
    assert.equal(await page.locator('.ticker-list').count(), 2);
    await assertClean(page);
  });

  it('a hovered link is prefetched', async () => {
    const page = await openPage(shared.browser);
    const prefetched = [];
    page.on('request', (request) => {
      if (/prefetch/.test(request.headers()['sec-purpose'] ?? '')) prefetched.push(new URL(request.url()).pathname);
    });
    await page.goto(shared.server.url);
    await heading(page);
    const link = page.locator('.card-title a').first();
    const target = new URL(await link.evaluate((a) => a.href)).pathname;
    await link.hover();
    await page.waitForFunction(() => true);
    for (let i = 0; i < 30 && !prefetched.includes(target); i += 1) await page.waitForTimeout(100);
    assert.ok(prefetched.includes(target), `prefetched: ${prefetched.join(', ') || 'nothing'}`);
    await assertClean(page);
  });

  it('going back restores the page from the back/forward cache', async () => {
    // A browser of its own, closed with the test's pages.
    const caching = await launchBrowser({ backForwardCache: true });
    const page = await openPage(caching);
    await page.addInitScript(() => {
      addEventListener('pageshow', (event) => { window.__restored = event.persisted; });
    });
    await page.goto(shared.server.url);
    await heading(page);
    await page.evaluate(() => { window.__marker = 'still here'; });
    await page.locator('.card-title a').first().click();
    await page.waitForURL((url) => url.pathname !== '/');
    await heading(page);
    // A page restored from the cache fires pageshow, and no load.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.__restored !== undefined);
    assert.equal(await page.evaluate(() => window.__restored), true, 'restored from the bfcache');
    assert.equal(await page.evaluate(() => window.__marker), 'still here');
  });
});

describe('the comment form before its island arrives', () => {
  it('keeps what was typed, and posts it', async () => {
    const wordpress = startWordPress();
    await withSite(() => startConfiguredSite(['--static', 'data/', '--comments', `${wordpress}wp-json/`]), async (site) => {
      const page = await openPage(shared.browser);
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/islands\/comments_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      const files = downloads(page);
      await page.goto(`${site.url}gulls-cup-exit/`);
      await heading(page);
      await page.waitForTimeout(300);
      assert.deepEqual(files, [], 'nothing loads before the reader heads for the form');
      const text = `Typed before the code came (${Date.now().toString(36)})`;
      await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(text);
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Gwen Tremayne');
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill('gwen@example.org');
      assert.equal(await page.locator('[data-island=comments]').getAttribute('data-state'), 'loading', 'the island is on its way');
      release();
      await page.waitForFunction(() => document.querySelector('[data-island=comments]').dataset.state === 'ready', null, { timeout: 15000 });
      assert.equal(await page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue(), text);
      assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), 'Gwen Tremayne');
      await page.getByRole('button', { name: 'Post Comment' }).click();
      await page.locator('li.comment', { hasText: text }).waitFor({ timeout: 15000 });
      await assertClean(page);
    });
  });
});
