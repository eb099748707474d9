// Prerendered pages: every page of the sample site is HTML with its content and metadata before
// any script runs, reads without JavaScript, and loads no app: its islands (the ticker, the
// comments) are hydrated over it without fetching its data again, without errors and without any
// visible change, and moving between pages is an ordinary page load.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT, assertClean, heading, openPage, startConfiguredSite, startWordPress, useServer, useSite, withSite,
} from './support.mjs';

// One browser, and a server over the release build, for this file's tests.
const shared = useSite();

/** Every page of the site, from its sitemap: paths such as `/tag/harbour/page/2/`. */
async function sitePaths() {
  const sitemap = await (await fetch(`${shared.server.url}sitemap.xml`)).text();
  return [...sitemap.matchAll(/<loc>https:\/\/herald\.example(\/[^<]*)<\/loc>/g)].map((match) => match[1]);
}

const data = (file) => JSON.parse(readFileSync(path.join(ROOT, 'dist/data', file), 'utf-8'));

/** The markup of `<main>`, less how far its islands have come (`data-state`, from the page's script). */
const mainOf = (html) => html.replace(/ data-state="[a-z]+"/g, '');

/** The HTML without the empty comments (`<!>`) that mark where hydration finds dynamic parts. */
const withoutMarkers = (html) => html.replaceAll('<!>', '');

/** The data files (not pictures) the page fetched. */
const dataFiles = (page) => page.problems.dataRequests.map((request) => new URL(request).pathname).filter((file) => file.endsWith('.json'));

/** Decodes the entities the HTML writer uses in text. */
const text = (html) => html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");

/** A full-page picture (the ticker masked: it fills in after hydration), every image loaded (Chromium
 * loads lazy images eagerly when scripts are off, so both sides load them all). */
async function lookOf(page) {
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
  });
  return page.screenshot({ fullPage: true, mask: [page.locator('.ticker')] });
}

/** The page's head tags that the app writes for each page: their paths, counts and types. */
const headOf = (page) => page.evaluate(() => ({
  canonical: [...document.querySelectorAll('link[rel=canonical]')].map((link) => new URL(link.href).pathname),
  descriptions: document.querySelectorAll('meta[name=description]').length,
  ogTitles: [...document.querySelectorAll('meta[property="og:title"]')].map((meta) => meta.content),
  jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent)['@type']),
}));

/** The page at `url` as prerendered: no wasm ever arrives, so no island runs. */
async function withoutApp(url, options) {
  const page = await openPage(shared.browser, options);
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(url);
  return page;
}

/**
 * Hydrates the page's islands as a reader would bring them in (the tab comes back, which makes the
 * ticker's headlines due; the comments scrolled near), and waits until every one runs.
 */
async function hydrated(page) {
  await page.waitForFunction(() => document.documentElement.dataset.page, null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'no app');
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    const comments = document.querySelector('[data-island=comments]');
    (comments?.querySelector('.comment-respond') ?? comments)?.scrollIntoView();
  });
  // A thread with no form on a source that adds none is not an island to load (data-interactive).
  await page.waitForFunction(() => [...document.querySelectorAll('[data-island=ticker], [data-island][data-interactive]')].every((island) => island.dataset.state === 'ready'), null, { timeout: 15000 });
  await page.evaluate(() => scrollTo(0, 0));
}

describe('prerendered pages', () => {
  it('every page in the sitemap is served as HTML with its heading, title, canonical URL and OpenGraph tags', async () => {
    const paths = await sitePaths();
    assert.ok(paths.length > 50, `${paths.length} pages`);
    for (const sitePath of paths) {
      const response = await fetch(`${shared.server.url}${sitePath.slice(1)}`);
      assert.equal(response.status, 200, sitePath);
      assert.match(response.headers.get('content-type'), /^text\/html/, sitePath);
      const html = withoutMarkers(await response.text());
      assert.match(html, /<main id="main"[^>]*>.*<h1[^>]*>[^<]+<\/h1>/s, `${sitePath}: a heading in <main>`);
      assert.match(html, /<title>[^<]+ – The Harbour Herald<\/title>|<title>The Harbour Herald – /, `${sitePath}: title`);
      assert.ok(html.includes(`<link href="https://herald.example${sitePath}" rel="canonical">`) || html.includes(`rel="canonical" href="https://herald.example${sitePath}"`), `${sitePath}: canonical`);
      assert.match(html, /<meta property="og:title" content="[^"]+">/, `${sitePath}: og:title`);
      assert.match(html, /<meta name="twitter:card" content="summary(_large_image)?">/, `${sitePath}: Twitter card`);
      assert.match(html, /<script type="application\/json" id="broadsheet-answers">/, `${sitePath}: the data it was built from`);
      assert.doesNotMatch(html, /site\.invalid/, `${sitePath}: no stand-in address left`);
      assert.doesNotMatch(html, /<body>\s+</, `${sitePath}: the app is the body's first child`);
      // Each render-blocking stylesheet is a request a phone waits for before its first paint.
      const blocking = html.replace(/<noscript>.*?<\/noscript>/gs, '').match(/<link[^>]*rel="stylesheet"/g) ?? [];
      assert.equal(blocking.length, 1, `${sitePath}: one stylesheet before the first paint`);
    }
  });

  it('an article page holds the article, its author card, tags, comments and NewsArticle JSON-LD', async () => {
    const slug = 'harbour-redevelopment-explained';
    const article = data(`articles/${slug}.json`);
    const comments = data(`comments/${slug}.json`).comments;
    const html = withoutMarkers(await (await fetch(`${shared.server.url}${slug}/`)).text());
    assert.ok(text(html).includes(`>${article.title}</h1>`), 'headline');
    assert.match(html, /<div class="article-body">.*<h2/s, 'the body, with its headings');
    assert.match(html, /<h2[^>]*>About Ada Okafor \(7 Articles\)<\/h2>/);
    assert.match(html, /<a href="\/tag\/harbour\/"/);
    assert.ok(text(html).includes(`${comments.length} Comments`), 'the comment count');
    for (const comment of comments) assert.ok(text(html).includes(comment.author_name), comment.author_name);
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
    assert.equal(jsonLd['@type'], 'NewsArticle');
    assert.equal(jsonLd.headline, article.title);
    assert.equal(jsonLd.author.name, 'Ada Okafor');
  });

  it('reads without JavaScript: text, pictures, tags, author card and comments', async () => {
    const page = await openPage(shared.browser, { javaScriptEnabled: false });
    await page.goto(`${shared.server.url}harbour-redevelopment-explained/`);
    assert.equal(await page.locator('main h1').count(), 1);
    assert.ok((await page.locator('.article-body p').count()) > 3, 'paragraphs');
    assert.match(await page.locator('.article-header .reading-time').textContent(), /^[1-9]\d* min read$/);
    assert.ok(await page.locator('.article-body figure img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the figure shows');
    assert.ok((await page.locator('.tag-list a').count()) >= 1, 'tags');
    assert.equal(await page.locator('.author-card h2').textContent(), 'About Ada Okafor (7 Articles)');
    assert.ok(await page.locator('.author-card img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the avatar shows');
    assert.ok((await page.locator('.comment').count()) >= 3, 'the comments');
    assert.equal(await page.locator('.site-title').textContent(), 'The Harbour Herald');
    assert.equal(await page.locator('.ticker-list').first().locator('a').count(), 8, 'the headlines, to scroll by hand');
    assert.equal(await page.locator('.ticker-toggle').isVisible(), false, 'no button that cannot work');
    // A link leads to the next prerendered page.
    await page.locator('.author-card a').first().click();
    assert.equal(await page.locator('main h1').textContent(), 'Articles by Ada Okafor');
  });

  it('hydrates an article\'s islands without fetching its data again, without errors, warnings or any visible change', async () => {
    const url = `${shared.server.url}harbour-redevelopment-explained/`;
    // What the reader sees before the app runs (its wasm never arrives here).
    const still = await withoutApp(url);
    await still.waitForLoadState('load');
    const before = { main: mainOf(await still.locator('main').innerHTML()), shot: await lookOf(still) };
    await still.context().close();

    const page = await openPage(shared.browser);
    const warnings = [];
    page.on('console', (message) => {
      // Chromium's note about Trunk's preload links, not about the page.
      if (message.type() === 'warning' && !/integrity. attribute is currently ignored for preload/.test(message.text())) warnings.push(message.text());
    });
    await page.goto(url);
    await hydrated(page);
    assert.deepEqual(dataFiles(page), ['/data/ticker.json'], 'only the ticker reads data');
    assert.deepEqual(warnings, [], 'console warnings');
    await assertClean(page);
    assert.equal(mainOf(await page.locator('main').innerHTML()), before.main, 'the article as prerendered');
    const after = await lookOf(page);
    assert.ok(after.equals(before.shot), 'the page looks the same before and after hydration');
  });

  it('moves between pages as page loads, each with its own head, and back', async () => {
    const page = await openPage(shared.browser);
    // The sanitizer parses untrusted markup with DOMParser: count how often it runs.
    await page.addInitScript(() => {
      window.markupParses = 0;
      const parse = DOMParser.prototype.parseFromString;
      DOMParser.prototype.parseFromString = function (...args) {
        window.markupParses += 1;
        return parse.apply(this, args);
      };
    });
    await page.goto(`${shared.server.url}harbour-redevelopment-explained/`);
    await hydrated(page);
    assert.equal(await page.evaluate(() => window.markupParses), 0, 'the islands keep what was cleaned at build time');
    const article = data('articles/harbour-redevelopment-explained.json').title;
    assert.deepEqual(await headOf(page), {
      canonical: ['/harbour-redevelopment-explained/'], descriptions: 1, ogTitles: [article], jsonLd: ['NewsArticle'],
    });
    await page.evaluate(() => { window.sameDocument = true; });
    const fetched = page.problems.dataRequests.length;
    await page.locator('.tag-list a', { hasText: 'Harbour' }).first().click();
    await page.waitForURL(`${shared.server.url}tag/harbour/`);
    assert.equal(await heading(page), 'Harbour');
    assert.equal(new URL(page.url()).pathname, '/tag/harbour/');
    assert.equal(await page.evaluate(() => window.sameDocument), undefined, 'a page load');
    assert.deepEqual(await headOf(page), {
      canonical: ['/tag/harbour/'], descriptions: 1, ogTitles: ['Harbour'], jsonLd: ['CollectionPage'],
    });
    assert.deepEqual(page.problems.dataRequests.slice(fetched).filter((request) => request.endsWith('.json')), [], 'no data was fetched: the page came whole');
    await page.locator('.pagination a', { hasText: '2' }).first().click();
    await page.waitForURL(`${shared.server.url}tag/harbour/page/2/`);
    await heading(page);
    assert.match(await page.title(), /^Harbour, page 2/);
    await page.goBack();
    await page.waitForURL(`${shared.server.url}tag/harbour/`);
    assert.equal(await heading(page), 'Harbour');
    await page.goBack();
    await page.waitForURL(`${shared.server.url}harbour-redevelopment-explained/`);
    assert.equal(await heading(page), article);
    assert.deepEqual(await headOf(page), {
      canonical: ['/harbour-redevelopment-explained/'], descriptions: 1, ogTitles: [article], jsonLd: ['NewsArticle'],
    });
    assert.match(await page.title(), new RegExp(`^${article}`));
    await assertClean(page);
  });

  it('hydrates the islands of the right-to-left article, the home, author and tag pages cleanly', async () => {
    for (const sitePath of ['fish-market-dawn-ar/', '', 'page/2/', 'author/yusuf-haddad/', 'tag/harbour/page/2/']) {
      const page = await openPage(shared.browser);
      await page.goto(`${shared.server.url}${sitePath}`);
      await hydrated(page);
      assert.deepEqual(dataFiles(page), ['/data/ticker.json'], sitePath);
      await assertClean(page);
      await page.context().close();
    }
  });

  it('writes dates in each page\'s language as the browser\'s Intl does, before hydration and after it', async () => {
    // Each <time>: its text, and what Intl writes for its moment in the language of its element, in
    // UTC like the build (the reader here is in UTC too, so the app's own dates agree).
    const datesOf = (page) => page.locator('main').evaluate((main) => [...main.querySelectorAll('time')].map((time) => ({
      shown: time.textContent,
      intl: new Intl.DateTimeFormat(time.closest('[lang]').lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(time.dateTime)),
    })));
    for (const sitePath of ['fish-market-dawn-ar/', '']) {
      const still = await withoutApp(`${shared.server.url}${sitePath}`, { timezoneId: 'UTC' });
      const prerendered = await datesOf(still);
      await still.context().close();
      assert.ok(prerendered.length > 0, `${sitePath}: dates`);
      for (const { shown, intl } of prerendered) assert.equal(shown, intl, `${sitePath}: prerendered`);

      const page = await openPage(shared.browser, { timezoneId: 'UTC' });
      await page.goto(`${shared.server.url}${sitePath}`);
      await hydrated(page);
      assert.deepEqual(await datesOf(page), prerendered, `${sitePath}: hydrated`);
      await page.context().close();
    }
  });

  it('a config.json edited after the build wins: the app draws the page from the new source', async () => {
    await withSite({ config: 'status-500.json', faults: true }, async (broken) => {
      const page = await openPage(shared.browser);
      await page.goto(`${broken.url}harbour-redevelopment-explained/`);
      assert.equal(await heading(page), 'The news server had a problem');
      await assertClean(page, /status of 500/);
    });
  });
});

describe('prerendered pages with comments open', () => {
  // Nothing answers here: without scripts the form is never sent.
  const site = useServer(() => startConfiguredSite(['--static', 'data/', '--comments', 'http://127.0.0.1:9/wp-json/']));

  it('the form says that it needs JavaScript when scripts are off, and nothing when they are on', async () => {
    const still = await openPage(shared.browser, { javaScriptEnabled: false });
    await still.goto(`${site.url}harbour-redevelopment-explained/`);
    assert.match(await still.locator('.comment-notes').innerText(), /Posting a comment needs JavaScript/);
    assert.equal(await still.locator('#reply-title').textContent(), 'Leave a Reply');
    await still.context().close();

    const page = await openPage(shared.browser);
    await page.goto(`${site.url}harbour-redevelopment-explained/`);
    await hydrated(page);
    assert.doesNotMatch(await page.locator('.comment-notes').innerText(), /JavaScript/);
    await page.locator('#comment').fill('Typed after hydration');
    assert.equal(await page.locator('#comment').inputValue(), 'Typed after hydration');
    await page.getByRole('button', { name: 'Reply to Gwen Tremayne' }).first().click();
    assert.match(await page.locator('#reply-title').textContent(), /Leave a Reply to Gwen Tremayne/);
    await assertClean(page);
  });
});

describe('prerendered from WordPress at build time', () => {
  const site = useServer(() => startConfiguredSite([
    '--wordpress', `${startWordPress()}wp-json/`, '--per-page', '5', '--language', 'en-GB', '--prerender',
  ]));

  it('serves the article as HTML from the WordPress content, and hydrates its islands without asking WordPress for it again', async () => {
    const slug = 'harbour-redevelopment-explained';
    const html = withoutMarkers(await (await fetch(`${site.url}${slug}/`)).text());
    const title = data(`articles/${slug}.json`).title;
    assert.ok(text(html).includes(`>${title}</h1>`), 'the headline, from WordPress');
    assert.match(html, /<h2[^>]*>About Ada Okafor \(7 Articles\)<\/h2>/);
    assert.match(html, /"url":"http:\/\/127\.0\.0\.1:\d+\/wp-json\/wp\/v2\/posts\?slug=/, 'the answers keep WordPress addresses');

    const page = await openPage(shared.browser);
    await page.goto(`${site.url}${slug}/`);
    await hydrated(page);
    const asked = page.problems.dataRequests.map((request) => decodeURIComponent(new URL(request).search));
    // Besides the page's one question whether WordPress has a newer version (fresh.test.mjs).
    const newerCheck = (query) => query.endsWith('&_fields=modified_gmt');
    assert.deepEqual(asked.filter((query) => /slug=|\/users|wp\/v2\/settings/.test(query) && !newerCheck(query)), [], 'the post and its author came with the page');
    assert.equal(asked.filter(newerCheck).length, 1, 'one question whether there is a newer version');
    assert.equal(await page.locator('main h1').textContent(), title);
    await assertClean(page);
  });

  it('lays the home page out as a front page of WordPress\'s categories, and lists the rest as WordPress pages it', async () => {
    const html = withoutMarkers(await (await fetch(site.url)).text());
    assert.match(html, /<h1[^>]*>Latest news<\/h1>/);
    assert.equal((html.match(/<article class="card card-featured/g) || []).length, 1, 'one lead story');
    assert.ok((html.match(/<section [^>]*class="front-section"/g) || []).length >= 5, 'a block for each section');
    const later = withoutMarkers(await (await fetch(`${site.url}page/2/`)).text());
    assert.equal((later.match(/<article class="card/g) || []).length, 5, 'five to a page');
  });
});
