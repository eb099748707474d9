// The site's pages over the WordPress source: the same sample content seeded into a real
// WordPress (scripts/wordpress), read through its REST API across origins.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describeSite } from './site-pages.mjs';
import {
  NOT_FOUND_LOG, assertClean, heading, openPage, startConfiguredSite, startServer, startWordPress, startWordPressSite, useSite,
  withSite,
} from './support.mjs';

describeSite({
  name: 'WordPress',
  start: () => startWordPressSite(),
  // WordPress does not know where the front end lives: canonical URLs are the front end's own.
  canonical: (serverUrl, path) => `${serverUrl}${path}`,
  featuredImage: /^http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/.+\.svg$/,
  // WordPress records no language per post; the page keeps the site's and sets the direction.
  rightToLeftLanguage: 'en-GB',
  // Its pages are not prerendered: each address but the home page's is answered by 404.html.
  deepLinkLogs: [NOT_FOUND_LOG],
});

/** A loopback port that nothing listens on. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('WordPress specifics', () => {
  // A browser for these tests; each serves a site of its own.
  const shared = useSite(null);
  let wordpress;
  before(() => {
    wordpress = startWordPress();
  });

  it('shows an article for four API requests (the site, its sections, the post with what it embeds, the author count), its comments for one more, the ticker for one', async () => {
    await withSite(startWordPressSite, async (site) => {
      const page = await openPage(shared.browser);
      const api = [];
      page.on('response', async (response) => {
        if (!response.url().includes('/wp-json/')) return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        api.push({ url: response.url(), bytes: body.length, encoding: response.headers()['content-encoding'] });
      });
      await page.goto(`${site.url}harbour-redevelopment-explained/`);
      assert.match(await heading(page), /^The harbour redevelopment, explained/);
      assert.equal(await page.locator('.author-card h2').textContent(), 'About Ada Okafor (7 Articles)');
      await page.locator('.comment-list').waitFor();
      await page.locator('.ticker-track').waitFor();
      const urls = api.map((request) => request.url).join('\n');
      const ticker = (request) => request.url.includes('_fields=slug,title');
      assert.equal(api.filter((request) => !request.url.includes('/wp/v2/comments') && !ticker(request)).length, 4, urls);
      assert.equal(api.filter((request) => request.url.includes('/wp/v2/categories')).length, 1, urls);
      assert.equal(api.filter(ticker).length, 1, urls);
      assert.equal(api.length, 6, urls);
      const total = api.reduce((sum, request) => sum + request.bytes, 0);
      console.log(`article view: ${api.length} API requests, ${total} bytes of JSON (uncompressed):`);
      for (const request of api) console.log(`  ${request.bytes} B  ${decodeURIComponent(new URL(request.url).search).slice(0, 90)}`);
      // A deep link: this site's pages are not prerendered, and its host answers with 404.html.
      await assertClean(page, NOT_FOUND_LOG);
    });
  });

  it('draws the script embed’s ticker from WordPress, with the island’s bundle, for a site that built none (its pages are not prerendered)', async () => {
    await withSite(startWordPressSite, async (site) => {
      const page = await openPage(shared.browser);
      // Another site's page, on another origin.
      const hostDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-host-'));
      writeFileSync(path.join(hostDir, 'favicon.ico'), '');
      writeFileSync(path.join(hostDir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Embedder</title>
<script type="module" src="${site.url}embed/ticker.js"></script></head>
<body><h1>Someone else’s page</h1><broadsheet-ticker src="${site.url}"></broadsheet-ticker></body></html>`);
      const host = await startServer({ dir: hostDir });
      try {
        const wasm = [];
        page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
        await page.goto(host.url);
        const ticker = page.locator('broadsheet-ticker');
        await ticker.locator('.ticker-track.running').waitFor();
        assert.equal(await ticker.getByRole('region', { name: 'News Ticker' }).count(), 1);
        const links = ticker.locator('.ticker-list').first().locator('a');
        assert.ok((await links.count()) > 0);
        assert.ok((await links.first().getAttribute('href')).startsWith(site.url), 'links lead to the site');
        assert.deepEqual(wasm, [`${site.url}islands/ticker_bg.wasm`]);
        // It asked for the ticker the site builds for embedding, which a site not prerendered has not.
        await assertClean(page, NOT_FOUND_LOG);
      } finally {
        await host.stop();
        rmSync(hostDir, { recursive: true, force: true });
      }
    });
  });

  it('orders the section bar by name unless the config names an order, and leaves "Uncategorized" out', async () => {
    await withSite(() => startWordPressSite(['--sections', '']), async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      await heading(page);
      const sections = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
      assert.deepEqual(await sections.allTextContents(), ['Business', 'Culture', 'Environment', 'News', 'Sport']);
      await assertClean(page);
    });
    await withSite(() => startWordPressSite(['--sections', 'sport,no-such-section,culture']), async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      await heading(page);
      const sections = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
      assert.deepEqual(await sections.allTextContents(), ['Sport', 'Culture', 'Business', 'Environment', 'News']);
      await assertClean(page);
    });
  });

  it('searches with WordPress itself: a word in an article\'s body from the header\'s field, and nothing found', async () => {
    await withSite(startWordPressSite, async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      await heading(page);
      await page.locator('#site-search-field').fill('Rosewarne');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=Rosewarne$/);
      const outcome = async () => {
        await page.locator('.search-page[data-state]').waitFor();
        return {
          state: await page.locator('.search-page').getAttribute('data-state'),
          status: (await page.locator('.search-page > .search-status').textContent()).trim(),
          results: await page.locator('.search-result a').evaluateAll((links) => links.map((link) => new URL(link.href).pathname)),
          field: await page.locator('#search-page-field').inputValue(),
        };
      };
      assert.deepEqual(await outcome(), {
        state: 'found', status: '1 result for “Rosewarne”', results: ['/sea-swimmers-winter/'], field: 'Rosewarne',
      });
      // WordPress was asked, not a search index (this site has none: its pages are not prerendered).
      assert.equal(await page.locator('[data-search]').count(), 0);
      await page.locator('.search-result a').click();
      assert.match(await heading(page), /^Winter sea swimmers/);
      await page.goto(`${site.url}search/?q=zebracrossingzz`);
      assert.deepEqual(await outcome(), {
        state: 'none', status: 'No results for “zebracrossingzz”. Try fewer or other words.', results: [], field: 'zebracrossingzz',
      });
      await assertClean(page, NOT_FOUND_LOG);
    });
  });

  it('decodes the entities WordPress puts in titles', async () => {
    await withSite(startWordPressSite, async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      await heading(page);
      const titles = await page.locator('.card-title').allTextContents();
      assert.ok(titles.length >= 5, `${titles.length} titles`);
      for (const title of titles) assert.doesNotMatch(title, /&#?\w+;/, title);
      await assertClean(page);
    });
  });

  it('says the server cannot be reached when nothing answers at the address', async () => {
    const port = await closedPort();
    await withSite(() => startConfiguredSite(['--wordpress', `http://127.0.0.1:${port}/wp-json/`]), async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      assert.equal(await heading(page), 'Can’t reach the news server');
      assert.equal(await page.getByRole('button', { name: 'Retry' }).count(), 1);
      await assertClean(page, /ERR_CONNECTION_REFUSED/);
    });
  });

  it('says the server cannot be reached when it refuses cross-origin requests (no CORS headers)', async () => {
    await withSite({}, async (elsewhere) => {
      await withSite(() => startConfiguredSite(['--wordpress', `${elsewhere.url}wp-json/`]), async (site) => {
        const page = await openPage(shared.browser);
        await page.goto(`${site.url}tag/harbour/`);
        assert.equal(await heading(page), 'Can’t reach the news server');
        // As a deep link (answered with 404.html), and refused.
        await assertClean(page, NOT_FOUND_LOG, /CORS policy|ERR_FAILED/);
      });
    });
  });

  it('says the data is damaged when the address is a web page rather than the API', async () => {
    // The front end's own address by mistake: a page of HTML where JSON should be. (A page on
    // another origin sends no CORS headers, and so looks like an unreachable server.)
    await withSite(() => startConfiguredSite(['--wordpress', '/']), async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      assert.equal(await heading(page), 'This page’s data is damaged');
      assert.match(await page.locator('.error-detail').textContent(), /wp-json/);
      // The API's addresses are the front end's, which answers them with 404.html.
      await assertClean(page, NOT_FOUND_LOG);
    });
  });

  it('passes WordPress\'s own error on', async () => {
    await withSite(() => startConfiguredSite(['--wordpress', `${wordpress}wp-json/no/such/route/`]), async (site) => {
      const page = await openPage(shared.browser);
      await page.goto(site.url);
      assert.equal(await heading(page), 'The news server had a problem');
      assert.match(await page.locator('.error-view').textContent(), /rest_no_route/);
      await assertClean(page, NOT_FOUND_LOG);
    });
  });
});
