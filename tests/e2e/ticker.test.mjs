// The news ticker on the site and embedded in another site's page: it moves at the configured
// speed by a compositor animation, pauses for the Pause button, hover and focus, keeps still under
// reduced motion, brings refreshed headlines in, and is shown to assistive technology once.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  assertClean, heading, openPage, startServer, startSiteIn, useServer, useSite, withSite,
} from './support.mjs';

// One browser, and a server over the release build, for this file's tests.
const shared = useSite();

/** The track's horizontal offset in pixels, from its computed transform. */
function offset(page, frame = page) {
  return frame.locator('.ticker-track').evaluate((track) => new DOMMatrixReadOnly(getComputedStyle(track).transform).m41);
}

/** The wasm files `page` asks for, as it asks for them. */
function wasmRequests(page) {
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
  return wasm;
}

async function settledTicker(page) {
  await heading(page);
  await page.locator('.ticker-track.running').waitFor();
}

describe('news ticker', () => {
  it('moves leftwards at the configured speed, with one copy of the headlines for assistive technology', async () => {
    const page = await openPage(shared.browser);
    await page.goto(shared.server.url);
    await settledTicker(page);
    const region = page.getByRole('region', { name: 'News Ticker' });
    assert.equal(await region.count(), 1);
    const lists = page.locator('.ticker-list');
    assert.equal(await lists.count(), 2);
    assert.equal(await lists.nth(0).locator('a').count(), 8, 'every headline of ticker.json');
    assert.equal(await lists.nth(1).getAttribute('aria-hidden'), 'true');
    assert.equal(await lists.nth(1).evaluate((list) => list.inert), true);
    assert.deepEqual(await lists.nth(0).locator('a').allTextContents(), await lists.nth(1).locator('a').allTextContents());
    assert.equal(await region.getByRole('link').count(), 8, 'the loop’s copy is not announced');
    // The loop lasts as long as one copy's width at 60 px/s, whatever the number of headlines.
    const { width, seconds } = await lists.nth(0).evaluate((list) => ({
      width: list.getBoundingClientRect().width,
      seconds: parseFloat(getComputedStyle(list.parentElement).animationDuration),
    }));
    assert.ok(Math.abs(width / seconds - 60) < 1, `${width} px in ${seconds} s`);
    const first = await offset(page);
    await page.waitForTimeout(400);
    assert.ok((await offset(page)) < first - 5, 'it moves leftwards');
    await assertClean(page);
  });

  it('stops for Pause and goes on for Play, by mouse and by keyboard', async () => {
    const page = await openPage(shared.browser);
    await page.goto(shared.server.url);
    await settledTicker(page);
    const toggle = page.locator('.ticker-toggle');
    await toggle.click();
    assert.equal(await toggle.textContent(), 'Play');
    const stopped = await offset(page);
    await page.waitForTimeout(300);
    assert.equal(await offset(page), stopped);
    await toggle.click();
    assert.equal(await toggle.textContent(), 'Pause');
    await page.waitForTimeout(300);
    assert.notEqual(await offset(page), stopped);
    // Keyboard: Tab from the top reaches the headlines (not their copies), then the button.
    await page.mouse.move(600, 600);
    await page.reload();
    await settledTicker(page);
    const focused = [];
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement.closest('.ticker-list[aria-hidden]') ? 'copy' : document.activeElement.textContent));
      if (focused.at(-1) === 'Pause') break;
    }
    assert.ok(!focused.includes('copy'), 'the copy is never focused');
    assert.equal(focused.at(-1), 'Pause', `Tab order: ${focused.join(' | ')}`);
    await page.keyboard.press('Enter');
    assert.equal(await toggle.textContent(), 'Play');
    await page.keyboard.press('Space');
    assert.equal(await toggle.textContent(), 'Pause');
    await assertClean(page);
  });

  it('pauses while hovered and while a headline has the focus', async () => {
    const page = await openPage(shared.browser);
    await page.goto(shared.server.url);
    await settledTicker(page);
    const playState = () => page.locator('.ticker-track').evaluate((track) => getComputedStyle(track).animationPlayState);
    assert.equal(await playState(), 'running');
    await page.locator('.ticker-viewport').hover();
    assert.equal(await playState(), 'paused');
    await page.mouse.move(600, 700);
    assert.equal(await playState(), 'running');
    await page.locator('.ticker-list').first().locator('a').first().focus();
    assert.equal(await playState(), 'paused');
  });

  it('keeps still, one list to scroll by hand, under reduced motion', async () => {
    const page = await openPage(shared.browser);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(shared.server.url);
    await heading(page);
    await page.locator('.ticker-track').waitFor();
    const first = await offset(page);
    await page.waitForTimeout(300);
    assert.equal(await offset(page), first);
    assert.equal(await page.locator('.ticker-track').evaluate((track) => getComputedStyle(track).animationName), 'none');
    assert.equal(await page.locator('.ticker-list[aria-hidden]').isVisible(), false);
    assert.equal(await page.locator('.ticker-list a').first().isVisible(), true);
    await assertClean(page);
  });

  it('scrolls the other way on a right-to-left site', async () => {
    // The ticker is the site's: an article in Arabic on an English site leaves it as it is.
    await withSite(() => startSiteIn('ar', 'rtl'), async (arabic) => {
      const page = await openPage(shared.browser);
      await page.goto(arabic.url);
      await heading(page);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.locator('.ticker-track.running').waitFor();
      const first = await offset(page);
      await page.waitForTimeout(400);
      assert.ok((await offset(page)) > first + 5, 'it moves rightwards');
    });
  });

  it('brings refreshed headlines in at the end of a loop', async () => {
    await withSite({ config: 'ticker-fast.json' }, async (fast) => {
      const page = await openPage(shared.browser);
      let reads = 0;
      await page.route('**/data/ticker.json', async (route) => {
        reads += 1;
        const response = await route.fetch();
        const file = await response.json();
        if (reads > 1) file.headlines.unshift({ title: 'Breaking: the harbour bridge reopens', slug: 'harbour-redevelopment-explained' });
        await route.fulfill({ response, json: file });
      });
      await page.goto(fast.url);
      await settledTicker(page);
      assert.equal(await page.getByRole('region', { name: 'Latest' }).count(), 1, 'the configured label');
      assert.equal(await page.locator('.ticker-list').first().locator('a').count(), 3, 'the configured number of headlines');
      await page.locator('.ticker-list').first().getByText('Breaking: the harbour bridge reopens').waitFor({ timeout: 20000 });
      assert.ok(reads >= 2, `ticker.json read ${reads} times`);
      assert.equal(await page.locator('.progress-bar.active').count(), 0, 'refreshes do not run the progress bar');
      await assertClean(page);
    });
  });
});

describe('news ticker at rest', () => {
  it('neither moves nor re-reads while scrolled out of view, and catches up when seen again', async () => {
    await withSite({ config: 'ticker-fast.json' }, async (fast) => {
      const page = await openPage(shared.browser, { viewport: { width: 412, height: 700 } });
      let reads = 0;
      page.on('request', (request) => { if (request.url().endsWith('/data/ticker.json')) reads += 1; });
      await page.goto(`${fast.url}harbour-redevelopment-explained/`);
      await settledTicker(page);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.locator('.ticker.offscreen').waitFor({ state: 'attached' });
      assert.equal(await page.locator('.ticker-track').evaluate((track) => getComputedStyle(track).animationPlayState), 'paused');
      const away = reads;
      // Two refresh intervals (2 s each) pass out of view.
      await page.waitForTimeout(4500);
      assert.equal(reads, away, 'no re-reads out of view');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(() => !document.querySelector('.ticker.offscreen'));
      // The missed refresh is made up as soon as the ticker is seen, not at the next interval.
      for (let waited = 0; reads === away && waited < 1500; waited += 100) await page.waitForTimeout(100);
      assert.ok(reads > away, 'a catch-up read');
      await assertClean(page);
    });
  });
});

describe('ticker embeds on another site', () => {
  // Another origin (another port) whose CSS would wreck anything it reached, under a strict CSP
  // that allows just what the README says an embedding page needs.
  const HOSTILE_CSS = '* { font: 30px serif !important; color: red !important } a { display: none } div { border: 3px solid lime }';
  const fast = useServer({ config: 'ticker-fast.json' });
  const host = useServer(async () => {
    const site = `${new URL(shared.server.url).origin} ${new URL(fast.url).origin}`;
    const hostDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-host-'));
    const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="hostile.css"></head><body><div><h1>Someone else’s page</h1>${body}</div></body></html>`;
    writeFileSync(path.join(hostDir, 'hostile.css'), HOSTILE_CSS);
    // Asked for by the browser, whose 404 would be a console error.
    writeFileSync(path.join(hostDir, 'favicon.ico'), '');
    writeFileSync(path.join(hostDir, 'index.html'), page('Iframe host',
      `<iframe src="${shared.server.url}embed/ticker/?items=4&amp;theme=dark&amp;label=Herald%20headlines" title="Herald headlines" width="900" height="44"></iframe>`));
    writeFileSync(path.join(hostDir, 'iframe-built.html'), page('Iframe host, as the site built it',
      `<iframe src="${shared.server.url}embed/ticker/" title="News" width="900" height="44"></iframe>`));
    writeFileSync(path.join(hostDir, 'script.html'), page('Script host',
      `<script type="module" src="${shared.server.url}embed/ticker.js"></script>
<broadsheet-ticker src="${shared.server.url}" items="4" theme="dark" label="Herald headlines"></broadsheet-ticker>
<broadsheet-ticker src="${shared.server.url}" speed="fast"></broadsheet-ticker>`));
    writeFileSync(path.join(hostDir, 'script-built.html'), page('Script host, as the site built it',
      `<script type="module" src="${shared.server.url}embed/ticker.js"></script>
<broadsheet-ticker src="${shared.server.url}"></broadsheet-ticker>`));
    writeFileSync(path.join(hostDir, 'script-fast.html'), page('Script host, refreshing',
      `<script type="module" src="${fast.url}embed/ticker.js"></script>
<broadsheet-ticker src="${fast.url}"></broadsheet-ticker>`));
    writeFileSync(path.join(hostDir, '_headers'), `/*
  Content-Security-Policy: default-src 'self'; script-src 'self' ${site} 'wasm-unsafe-eval'; connect-src ${site}; style-src 'self'; frame-src ${site}
`);
    const server = await startServer({ dir: hostDir });
    return {
      url: server.url,
      async stop() {
        await server.stop();
        rmSync(hostDir, { recursive: true, force: true });
      },
    };
  });

  /** Checks that the ticker in `scope` looks as designed, not as the host's CSS would have it. */
  async function assertDesigned(scope) {
    assert.equal(await scope.getByRole('region', { name: 'Herald headlines' }).count(), 1);
    const links = scope.locator('.ticker-list').first().locator('a');
    assert.equal(await links.count(), 4);
    const style = await links.first().evaluate((link) => {
      const computed = getComputedStyle(link);
      return { display: computed.display, color: computed.color, size: computed.fontSize, theme: link.closest('.ticker').dataset.theme };
    });
    assert.notEqual(style.display, 'none');
    assert.notEqual(style.color, 'rgb(255, 0, 0)');
    assert.equal(style.size, '15px');
    assert.equal(style.theme, 'dark');
    const bar = await scope.locator('.ticker').evaluate((ticker) => ({ height: ticker.getBoundingClientRect().height, border: getComputedStyle(ticker.querySelector('.ticker-viewport')).borderTopWidth }));
    assert.deepEqual(bar, { height: 44, border: '0px' });
    return links;
  }

  it('shows the ticker in an iframe, with links opening in the top window', async () => {
    const page = await openPage(shared.browser);
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    // Its address gives settings of its own: the app draws it, in place of the ticker as built.
    await frame.locator('html[data-app]').waitFor({ state: 'attached' });
    await frame.locator('.ticker-track.running').waitFor();
    const links = await assertDesigned(frame);
    assert.equal(await frame.locator('.ticker').evaluate((ticker) => ticker.getBoundingClientRect().top), 0, 'at the top of its frame');
    const background = await frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    assert.equal(background, 'rgba(0, 0, 0, 0)', 'transparent');
    assert.equal(await links.first().getAttribute('target'), '_top');
    const href = await links.first().getAttribute('href');
    await frame.locator('.ticker-toggle').click();
    await links.first().click();
    await page.waitForURL(new URL(href, shared.server.url).href);
    assert.ok((await heading(page)).length > 5);
  });

  it('shows the iframe’s ticker as the site built it, without wasm, until its island takes over when the headlines are due', async () => {
    const page = await openPage(shared.browser);
    const wasm = wasmRequests(page);
    await page.goto(`${host.url}iframe-built.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator('.ticker-track.running').waitFor();
    assert.equal(await frame.getByRole('region', { name: 'News Ticker' }).count(), 1);
    const links = frame.locator('.ticker-list').first().locator('a');
    assert.equal(await links.count(), 8);
    assert.equal(await links.first().getAttribute('target'), '_top');
    await frame.locator('.ticker-toggle').click();
    assert.equal(await frame.locator('.ticker-toggle').textContent(), 'Play');
    assert.deepEqual(wasm, [], 'no wasm before the headlines are due');
    // Due (the tab comes back): the island takes it over, paused still, its links still leaving the frame.
    await page.frames()[1].evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await frame.locator('[data-island=ticker][data-state=ready]').waitFor();
    assert.deepEqual(wasm, [`${shared.server.url}islands/ticker_bg.wasm`]);
    assert.equal(await frame.locator('.ticker-toggle').textContent(), 'Play');
    await frame.locator('.ticker-toggle').click();
    assert.equal(await frame.locator('.ticker-toggle').textContent(), 'Pause', 'the island runs the button');
    assert.equal(await links.first().getAttribute('target'), '_top');
    await assertClean(page);

    // With scripts off, its headlines are there to read and follow.
    const still = await openPage(shared.browser, { javaScriptEnabled: false });
    await still.goto(`${shared.server.url}embed/ticker/`);
    assert.equal(await still.locator('.ticker-list').first().locator('a').count(), 8);
  });

  it('shows the ticker from one script tag, in a shadow root, under the host’s CSP', async () => {
    const page = await openPage(shared.browser);
    await page.goto(`${host.url}script.html`);
    const ticker = page.locator('broadsheet-ticker').first();
    await ticker.locator('.ticker-track.running').waitFor();
    const links = await assertDesigned(ticker);
    assert.ok((await links.first().getAttribute('href')).startsWith(shared.server.url), 'links lead to the site');
    const first = await offset(page, ticker);
    await page.waitForTimeout(300);
    assert.ok((await offset(page, ticker)) < first - 3, 'it moves');
    await ticker.locator('.ticker-toggle').click();
    assert.equal(await ticker.locator('.ticker-toggle').textContent(), 'Play');
    // A wrong attribute is named in place of that element's ticker.
    assert.match(await page.locator('broadsheet-ticker').nth(1).getByRole('alert').textContent(), /speed is "fast"/);
    await assertClean(page);
  });

  it('shows the ticker the site built from one script tag, without wasm, until its island takes over when the headlines are due', async () => {
    const page = await openPage(shared.browser);
    const wasm = wasmRequests(page);
    await page.goto(`${host.url}script-built.html`);
    const ticker = page.locator('broadsheet-ticker');
    await ticker.locator('.ticker-track.running').waitFor();
    assert.equal(await ticker.getByRole('region', { name: 'News Ticker' }).count(), 1);
    const links = ticker.locator('.ticker-list').first().locator('a');
    assert.equal(await links.count(), 8, 'the site’s headlines');
    const hrefs = await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')));
    assert.ok(hrefs.filter((href) => href.startsWith(shared.server.url)).length >= 5, `links lead to the site: ${hrefs}`);
    const style = await links.first().evaluate((link) => ({ display: getComputedStyle(link).display, color: getComputedStyle(link).color, size: getComputedStyle(link).fontSize }));
    assert.notEqual(style.display, 'none', 'as the site styles it, not as the host would');
    assert.notEqual(style.color, 'rgb(255, 0, 0)');
    assert.equal(style.size, '15px');
    const first = await offset(page, ticker);
    await page.waitForTimeout(300);
    assert.ok((await offset(page, ticker)) < first - 3, 'it moves');
    await ticker.locator('.ticker-toggle').click();
    assert.equal(await ticker.locator('.ticker-toggle').textContent(), 'Play');
    const stopped = await offset(page, ticker);
    await page.waitForTimeout(300);
    assert.equal(await offset(page, ticker), stopped, 'paused');
    assert.deepEqual(wasm, [], 'no wasm before the headlines are due');
    // Other sites fetch it, and it is as new as the site's pages.
    const built = await fetch(`${shared.server.url}embed/ticker.json`);
    assert.equal(built.headers.get('access-control-allow-origin'), '*');
    assert.equal(built.headers.get('cache-control'), 'public, max-age=60');

    // Due (the tab comes back): the island's bundle hydrates it, keeps the pause, and reads again.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.route(`${shared.server.url}data/ticker.json`, async (route) => {
      const response = await route.fetch();
      const file = await response.json();
      file.headlines.unshift({ title: 'Breaking: the harbour bridge reopens', slug: 'harbour-redevelopment-explained' });
      await route.fulfill({ response, json: file });
    });
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await ticker.locator('[data-island=ticker][data-state=ready]').waitFor();
    assert.deepEqual(wasm, [`${shared.server.url}islands/ticker_bg.wasm`]);
    await ticker.locator('.ticker-list').first().getByText('Breaking: the harbour bridge reopens').waitFor();
    assert.ok((await links.first().getAttribute('href')).startsWith(shared.server.url), 'the island’s links lead to the site');
    assert.equal(await ticker.locator('.ticker-toggle').textContent(), 'Play', 'the pause is kept');
    // The island's button now (shown again with motion allowed).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await ticker.locator('.ticker-toggle').click();
    assert.equal(await ticker.locator('.ticker-toggle').textContent(), 'Pause');
    await assertClean(page);
  });

  it('brings refreshed headlines into the script embed at the end of a loop, and stops once removed', async () => {
    const page = await openPage(shared.browser);
    let reads = 0;
    await page.route(`${fast.url}data/ticker.json`, async (route) => {
      reads += 1;
      const response = await route.fetch();
      const file = await response.json();
      if (reads > 1) file.headlines.unshift({ title: 'Breaking: the harbour bridge reopens', slug: 'harbour-redevelopment-explained' });
      await route.fulfill({ response, json: file });
    });
    await page.goto(`${host.url}script-fast.html`);
    const ticker = page.locator('broadsheet-ticker');
    await ticker.locator('.ticker-track.running').waitFor();
    assert.equal(await ticker.getByRole('region', { name: 'Latest' }).count(), 1, 'the site’s configured label');
    await ticker.locator('.ticker-list').first().getByText('Breaking: the harbour bridge reopens').waitFor({ timeout: 20000 });
    assert.equal(await ticker.locator('.ticker-list').first().locator('a').count(), 3, 'the site’s configured number');
    await assertClean(page);
    // Taken off the page, it stops reading (the site refreshes every 2 s).
    await page.evaluate(() => document.querySelector('broadsheet-ticker').remove());
    const removed = reads;
    await page.waitForTimeout(4500);
    assert.equal(reads, removed, 'no reads once removed');
  });

  it('names a wrong setting in the iframe’s address', async () => {
    const page = await openPage(shared.browser);
    await page.goto(`${shared.server.url}embed/ticker/?speed=fast`);
    assert.match(await page.getByRole('alert').textContent(), /speed is "fast"/);
  });
});
