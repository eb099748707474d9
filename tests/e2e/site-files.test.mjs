// The files built beside the app for crawlers and feed readers: the sitemaps, robots.txt, the RSS
// feeds and the JSON Feed, served as a static host would, well-formed, listing every article.

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
      newsNamespace: doc.documentElement.lookupNamespaceURI('news'),
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

  it('robots.txt names the sitemap and the news sitemap', async () => {
    const text = await page.evaluate(() => document.body.innerText);
    assert.match(text, /^User-agent: \*/);
    assert.match(text, /Sitemap: https:\/\/herald\.example\/sitemap\.xml/);
    assert.match(text, /Sitemap: https:\/\/herald\.example\/news-sitemap\.xml/);
  });

  it('the news sitemap is well-formed Google News XML of articles only', async () => {
    const news = await readXml('news-sitemap.xml');
    assert.equal(news.error, null);
    assert.equal(news.root, 'urlset');
    assert.equal(news.newsNamespace, 'http://www.google.com/schemas/sitemap-news/0.9');
    // The sample's articles are older than two days, unless the site was built within two days of
    // the newest (the sync test publishes one and finds it there).
    for (const loc of news.locs) assert.ok(articleSlugs.some((slug) => loc === `https://herald.example/${slug}/`), loc);
  });

  it('the JSON Feed at /feed.json is JSON Feed 1.1 of the RSS feed\'s articles', async () => {
    const { type, feed } = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get('content-type'), feed: await response.json() };
    }, `${site.server.url}feed.json`);
    assert.match(type, /^application\/feed\+json/);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, 'The Harbour Herald');
    assert.equal(feed.feed_url, 'https://herald.example/feed.json');
    assert.equal(feed.home_page_url, 'https://herald.example/');
    const rss = await readXml('feed/');
    assert.deepEqual(feed.items.map((item) => item.url), rss.links);
    for (const item of feed.items) {
      assert.equal(item.id, item.url);
      assert.ok(item.title && (item.content_text || item.content_html), `${item.url} has a title and content`);
      assert.ok(!Number.isNaN(Date.parse(item.date_published)), item.date_published);
      assert.ok(item.authors[0].name, `${item.url} has an author`);
    }
  });

  it('pages name the site\'s feeds in their head, and a tag or section page its own feed', async () => {
    const alternates = async (sitePath) => {
      await page.goto(`${site.server.url}${sitePath}`);
      return page.locator('head link[rel=alternate]').evaluateAll((links) => links.map((link) => `${link.type} ${link.href}`));
    };
    const siteFeeds = ['application/rss+xml https://herald.example/feed/', 'application/feed+json https://herald.example/feed.json'];
    assert.deepEqual(await alternates(''), siteFeeds);
    assert.deepEqual(await alternates(`${articleSlugs[0]}/`), siteFeeds);
    assert.deepEqual(await alternates('tag/harbour/'), [...siteFeeds, 'application/rss+xml https://herald.example/tag/harbour/feed/']);
    assert.deepEqual(await alternates('category/sport/page/2/'), [...siteFeeds, 'application/rss+xml https://herald.example/category/sport/feed/']);
  });

  it('the sitemap is well-formed and lists every article and listing', async () => {
    const sitemap = await readXml('sitemap.xml');
    assert.equal(sitemap.error, null);
    assert.equal(sitemap.root, 'urlset');
    for (const slug of articleSlugs) assert.ok(sitemap.locs.includes(`https://herald.example/${slug}/`), `${slug} listed`);
    for (const listing of ['', 'page/2/', 'tag/harbour/', 'category/news/', 'category/sport/page/2/', 'author/ada-okafor/']) {
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

  it('each section has its own feed of exactly its articles, as WordPress serves it at /category/<slug>/feed/', async () => {
    const feed = await readXml('category/sport/feed/');
    assert.equal(feed.error, null);
    assert.match(feed.type, /^application\/rss\+xml/);
    assert.equal(feed.title, 'Sport — The Harbour Herald');
    assert.equal(feed.self, 'https://herald.example/category/sport/feed/');
    const listed = [];
    for (const listing of ['category/sport/', 'category/sport/page/2/']) {
      await page.goto(`${site.server.url}${listing}`);
      await page.locator('main h1').waitFor();
      listed.push(...await page.locator('main .card-title a').evaluateAll((links) => links.map((link) => `https://herald.example${link.getAttribute('href')}`)));
    }
    assert.equal(listed.length, 6);
    assert.deepEqual([...feed.links].sort(), listed.sort());
  });
});
