// The same build process deployed under a sub-path (/news/), as many newspapers host it.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, heading, openPage, useSite } from './support.mjs';

const site = useSite({ dir: 'target/dist-news', base: '/news/' });

it('serves the site, its links and its deep links under /news/', async () => {
  assert.match(site.server.url, /\/news\/$/);
  const page = await openPage(site.browser);
  await page.goto(site.server.url);
  assert.equal(await heading(page), 'Latest news');
  const firstCard = page.locator('.card-title a').first();
  const href = await firstCard.getAttribute('href');
  assert.match(href, /^\/news\/[a-z0-9-]+\/$/);
  await firstCard.click();
  await page.waitForURL(new URL(href, site.server.url).href);
  await page.locator('.article-header h1').waitFor();
  const tagHref = await page.locator('.article-footer .tag-list a').first().getAttribute('href');
  assert.match(tagHref, /^\/news\/tag\//);

  const deep = await openPage(site.browser);
  await deep.goto(new URL('/news/tag/harbour/page/2/', site.server.url).href);
  assert.equal(await heading(deep), 'Harbour');
  assert.equal(await deep.locator('.pagination [aria-current="page"]').textContent(), '2');
  await assertClean(page);
  await assertClean(deep);
});
