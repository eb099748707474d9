// The same build process deployed under a sub-path (/news/), as many newspapers host it.

import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, heading, launchBrowser, openPage, startServer } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ dir: 'target/dist-news', base: '/news/' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

it('serves the site, its links and its deep links under /news/', async () => {
  assert.match(server.url, /\/news\/$/);
  const page = await openPage(browser);
  await page.goto(server.url);
  assert.equal(await heading(page), 'Latest news');
  const firstCard = page.locator('.card-title a').first();
  const href = await firstCard.getAttribute('href');
  assert.match(href, /^\/news\/[a-z0-9-]+\/$/);
  await firstCard.click();
  await page.waitForURL(new URL(href, server.url).href);
  await page.locator('.article-header h1').waitFor();
  const tagHref = await page.locator('.article-footer .tag-list a').first().getAttribute('href');
  assert.match(tagHref, /^\/news\/tag\//);

  const deep = await openPage(browser);
  await deep.goto(new URL('/news/tag/harbour/page/2/', server.url).href);
  assert.equal(await heading(deep), 'Harbour');
  assert.equal(await deep.locator('.pagination [aria-current="page"]').textContent(), '2');
  await assertClean(page);
  await assertClean(deep);
});
