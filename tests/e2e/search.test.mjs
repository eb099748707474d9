// Search over the static site: the header's field on every page, the search page's results from
// the Pagefind index built with the pages (broadsheet-site-files), and what the reader is told when
// nothing is found, when the index is missing and when scripts are off.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync, mkdtempSync, readFileSync, rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  NOT_FOUND_LOG, ROOT, assertClean, heading, openPage, startServer, useServer, useSite,
} from './support.mjs';

const site = useSite();

/** Waits until the search page has said what it found; returns its status line and results. */
async function outcome(page) {
  await page.locator('.search-page[data-state="found"], .search-page[data-state="none"], .search-page[data-state="failed"]').waitFor();
  return {
    state: await page.locator('.search-page').getAttribute('data-state'),
    status: (await page.locator('.search-page > .search-status').textContent()).trim(),
    results: await page.locator('.search-result a').evaluateAll((links) => links.map((link) => new URL(link.href).pathname)),
    field: await page.locator('#search-page-field').inputValue(),
  };
}

describe('search', () => {
  it('finds an article by a word in its body, from the header\'s field, with the keyboard', async () => {
    const page = await openPage(site.browser);
    await page.goto(site.server.url);
    await heading(page);
    // "Rosewarne" is in the sea swimmers' article's body only: not its title, not its excerpt.
    await page.locator('#site-search-field').focus();
    await page.keyboard.type('Rosewarne');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Rosewarne$/);
    const found = await outcome(page);
    assert.deepEqual(found, {
      state: 'found', status: '1 result for “Rosewarne”', results: ['/sea-swimmers-winter/'], field: 'Rosewarne',
    });
    assert.match(await page.locator('.search-result .search-excerpt mark').first().textContent(), /^Rosewarne\b/);
    assert.equal(await page.locator('head meta[name=robots]').getAttribute('content'), 'noindex');
    // The result leads to the article.
    await page.locator('.search-result a').first().click();
    assert.equal(await heading(page), 'Winter sea swimmers double in number, and some are not even wearing wetsuits');
    await assertClean(page);
  });

  it('counts many results, and searches the whole site, the Arabic article too', async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}search/?q=harbour`);
    const found = await outcome(page);
    assert.equal(found.state, 'found');
    assert.match(found.status, /^\d+ results for “harbour”$/);
    assert.ok(found.results.length > 1 && found.results.length <= 20, `${found.results.length} listed`);
    assert.ok(found.results.includes('/harbour-redevelopment-explained/'));
    // Excerpts are the stories' words: the byline and dates are not indexed.
    const excerpts = await page.locator('.search-result .search-excerpt').allTextContents();
    assert.deepEqual(excerpts.filter((excerpt) => /\bBy \p{Lu}|Published|min read/u.test(excerpt)), []);
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('السمك')}`);
    assert.ok((await outcome(page)).results.includes('/fish-market-dawn-ar/'));
    await assertClean(page);
  });

  it('says so when nothing is found, and keeps the query to change it', async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}search/?q=zebracrossingzz`);
    assert.deepEqual(await outcome(page), {
      state: 'none', status: 'No results for “zebracrossingzz”. Try fewer or other words.', results: [], field: 'zebracrossingzz',
    });
    await assertClean(page);
  });

  it('an empty search page waits in its field', async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}search/`);
    assert.equal(await heading(page), 'Search');
    await page.waitForFunction(() => document.activeElement?.id === 'search-page-field');
    assert.equal(await page.locator('.search-result').count(), 0);
    await assertClean(page);
  });

  it('says that it needs JavaScript when scripts are off', async () => {
    const page = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.server.url}search/?q=harbour`);
    assert.match(await page.locator('main').innerText(), /Search needs JavaScript, which is off in this browser\./);
  });

  describe('with the index missing', () => {
    let dir;
    let server;
    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-'));
      cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
      rmSync(path.join(dir, 'pagefind'), { recursive: true });
      server = await startServer({ dir });
    });
    after(async () => {
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('says that search is not available, and the rest of the page works', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${server.url}search/?q=harbour`);
      const found = await outcome(page);
      assert.equal(found.state, 'failed');
      assert.equal(found.status, 'Search is not available just now. Please try again later.');
      assert.equal(found.field, 'harbour');
      await assertClean(page, NOT_FOUND_LOG);
    });
  });
});

describe('a search index written in parts', () => {
  // A large site's index is written in parts, which the search page merges: here seven articles
  // a part, so that the sample's thirty are in five.
  const site = useSite(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-parts-'));
    cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    const built = execFileSync(path.join(ROOT, 'target/release/broadsheet-site-files'), [dir], {
      encoding: 'utf-8', env: { ...process.env, BROADSHEET_SEARCH_PART: '7' },
    });
    assert.match(built, /a search index of 30 pages in 5 parts/);
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'pagefind/parts.json'), 'utf-8')).parts, ['part-2/', 'part-3/', 'part-4/', 'part-5/']);
    const server = await startServer({ dir });
    return { ...server, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
  });
  const whole = useServer();

  it('finds as the whole index finds, in every part', async () => {
    const page = await openPage(site.browser);
    for (const query of ['harbour', 'Rosewarne', 'السمك', 'zebracrossingzz']) {
      // The same results; their order may differ, as each part ranks its own.
      const sorted = (found) => ({ ...found, results: [...found.results].sort() });
      await page.goto(`${whole.url}search/?q=${encodeURIComponent(query)}`);
      const expected = sorted(await outcome(page));
      assert.ok(expected.results.length < 20, `${query}: every result is listed`);
      await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}`);
      assert.deepEqual(sorted(await outcome(page)), expected, query);
    }
    await assertClean(page);
  });
});
