// The files built beside the app for crawlers and feed readers: sitemap.xml, robots.txt and the
// RSS feeds, served as a static host would, well-formed XML that lists every article.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, openPage, useSite } from './support.mjs';

const site = useSite();
const articleSlugs = readdirSync(path.join(ROOT, 'dist/data/articles')).map((file) => file.replace(/\.json$/, ''));
let page;

/** Fetches `path` from the site and parses it as XML in the browser. */
function readXml(sitePath) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
    return {
      type: response.headers.get('content-type'),
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      locs: [...doc.getElementsByTagName('loc')].map((loc) => loc.textContent),
      links: [...doc.querySelectorAll('item > link')].map((link) => link.textContent),
      title: doc.querySelector('channel > title')?.textContent,
      self: doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0]?.getAttribute('href'),
    };
  }, `${site.server.url}${sitePath}`);
}

describe('site files', () => {
  // One page for these tests, on the site's origin (which their fetches need), closed with the browser.
  before(async () => {
    page = await openPage(site.browser);
    await page.goto(`${site.server.url}robots.txt`);
  });

  it('robots.txt names the sitemap', async () => {
    const text = await page.evaluate(() => document.body.innerText);
    assert.match(text, /^User-agent: \*/);
    assert.match(text, /Sitemap: https:\/\/herald\.example\/sitemap\.xml/);
  });

  it('the sitemap is well-formed and lists every article and listing', async () => {
    const sitemap = await readXml('sitemap.xml');
    assert.equal(sitemap.error, null);
    assert.equal(sitemap.root, 'urlset');
    for (const slug of articleSlugs) assert.ok(sitemap.locs.includes(`https://herald.example/${slug}/`), `${slug} listed`);
    for (const listing of ['', 'page/2/', 'tag/harbour/', 'author/ada-okafor/']) {
      assert.ok(sitemap.locs.includes(`https://herald.example/${listing}`), `/${listing} listed`);
    }
    assert.equal(new Set(sitemap.locs).size, sitemap.locs.length, 'each page once');
  });

  it('the feed at /feed/ is RSS that lists every article', async () => {
    const feed = await readXml('feed/');
    assert.equal(feed.error, null);
    assert.match(feed.type, /^application\/rss\+xml/);
    assert.equal(feed.root, 'rss');
    assert.equal(feed.title, 'The Harbour Herald');
    assert.equal(feed.self, 'https://herald.example/feed/');
    assert.deepEqual([...feed.links].sort(), articleSlugs.map((slug) => `https://herald.example/${slug}/`).sort());
  });

  it('each tag has its own feed of its articles', async () => {
    const feed = await readXml('tag/harbour/feed/');
    assert.equal(feed.error, null);
    assert.match(feed.type, /^application\/rss\+xml/);
    assert.match(feed.title, /^Harbour — The Harbour Herald$/);
    assert.ok(feed.links.length >= 2);
    await page.goto(`${site.server.url}tag/harbour/`);
    await page.locator('main h1').waitFor();
    const shown = await page.locator('main .card-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of shown) assert.ok(feed.links.includes(`https://herald.example${href}`), `${href} in the tag's feed`);
  });
});
