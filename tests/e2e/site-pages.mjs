// The pages of the sample site in headless Chromium, against the release build served with the
// site's own _headers (so the shipped Content-Security-Policy is in force). The same tests run
// over each data source (site.test.mjs: the static files; wordpress.test.mjs: a real WordPress),
// whose content is the same sample; `source` names the few things that differ.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  NOT_FOUND_LOG, ROOT, assertClean, heading, meta, openPage, useSite,
} from './support.mjs';

/** A file of the sample's static data, which the test WordPress is seeded with too. */
function sampleData(file) {
  return JSON.parse(readFileSync(path.join(ROOT, 'public/data', file), 'utf-8'));
}

/**
 * What the front page should show, from the sample's data: the newest story; the latest three of
 * each section not shown above it; the rest of the latest. Each as [heading, paths].
 */
function expectedFrontPage() {
  const latest = sampleData('index/page-1.json').articles.map((article) => `/${article.slug}/`);
  const shown = new Set([latest[0]]);
  const blocks = [['lead', [latest[0]]]];
  for (const section of sampleData('sections.json').sections) {
    const paths = sampleData(`sections/${section.slug}/page-1.json`).articles
      .map((article) => `/${article.slug}/`).filter((articlePath) => !shown.has(articlePath)).slice(0, 3);
    paths.forEach((articlePath) => shown.add(articlePath));
    if (paths.length) blocks.push([section.name, paths]);
  }
  const more = latest.filter((articlePath) => !shown.has(articlePath));
  if (more.length) blocks.push(['More news', more]);
  return blocks;
}

/** The page's one schema.org JSON-LD block, parsed. */
async function structuredData(page) {
  const blocks = await page.locator('head script[type="application/ld+json"]').allTextContents();
  assert.equal(blocks.length, 1, 'one JSON-LD block');
  return JSON.parse(blocks[0]);
}

/**
 * @param {object} source
 * @param {string} source.name
 * @param {() => Promise<{url: string, stop: () => Promise<void>}>} source.start serves the site
 * @param {(serverUrl: string, path: string) => string} source.canonical the canonical URL of a site path
 * @param {RegExp} source.featuredImage what the harbour article's og:image looks like
 * @param {string} source.rightToLeftLanguage `lang` of the Arabic article's element
 * @param {boolean} [source.prerendered] the pages are prerendered (moving between them is a page load)
 * @param {RegExp[]} [source.deepLinkLogs] the console errors logged on every page reached by its address
 *   (a site without prerendered pages answers each with 404.html and status 404, for the app to draw)
 * @param {RegExp[]} [source.noneLogs] the console errors logged where the source says "there are none"
 *   by a missing file (the app over the static files: no comments file, answered with status 404)
 */
export function describeSite(source) {
  describe(source.name, () => describePages({ deepLinkLogs: [], noneLogs: [], ...source }));
}

function describePages(source) {
  const site = useSite(source.start);
  /** assertClean, for what the source logs on any page it serves, and what `expected` adds. */
  const assertCleanPage = (page, ...expected) => assertClean(page, ...source.deepLinkLogs, ...expected);

  describe('home page', () => {
    it('lists the latest articles with full head metadata under the shipped CSP', async () => {
      const page = await openPage(site.browser);
      const response = await page.goto(site.server.url);
      assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.equal(await heading(page), 'Latest news');
      assert.equal(await page.title(), 'The Harbour Herald – News from Merrowby and the Sable estuary, every morning');
      assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
      assert.equal(await meta(page, 'meta[name="description"]'), 'News from Merrowby and the Sable estuary, every morning');
      assert.equal(await page.locator('head link[rel="canonical"]').getAttribute('href'), source.canonical(site.server.url, ''));
      assert.equal(await meta(page, 'meta[property="og:type"]'), 'website');
      assert.equal(await meta(page, 'meta[property="og:title"]'), 'The Harbour Herald');
      assert.equal(await page.locator('.skip-link').getAttribute('href'), '#main');
      assert.equal(await page.locator('header.site-header, main, footer.site-footer').count(), 3);
      await assertCleanPage(page);
    });

    it('leads with the newest story, largest with its picture, then each section\'s latest, then more news, each story once', async () => {
      const page = await openPage(site.browser);
      await page.goto(site.server.url);
      await heading(page);
      const shown = await page.locator('.front-page').evaluate((front) => {
        const paths = (scope) => [...scope.querySelectorAll('.card-title a')].map((link) => link.getAttribute('href'));
        const lead = front.querySelector(':scope > .card-featured');
        return [
          ['lead', lead ? paths(lead) : []],
          ...[...front.querySelectorAll(':scope > .front-section')].map((section) => [
            section.querySelector('.front-section-heading').textContent, paths(section),
          ]),
        ];
      });
      assert.deepEqual(shown, expectedFrontPage());
      const lead = page.locator('.front-page > .card-featured');
      assert.equal(await lead.locator('img').getAttribute('fetchpriority'), 'high');
      assert.equal(await lead.locator('h2.card-title').count(), 1);
      // Section blocks name their section, leading to its page; their stories are a heading level below.
      const sectionHeading = page.locator('.front-section-heading a').first();
      assert.equal(await sectionHeading.getAttribute('href'), '/category/news/');
      assert.equal(await page.locator('.front-section h2.card-title').count(), 0);
      assert.ok(await page.locator('.front-section h3.card-title').count() > 3);
      // The rest of the latest articles, from page 2 on, are a page away.
      assert.equal(await page.getByRole('link', { name: 'Older →' }).getAttribute('href'), '/page/2/');
      await assertCleanPage(page);
    });

    it('pages through older articles and back, keeping what it fetched', async () => {
      const page = await openPage(site.browser);
      await page.goto(site.server.url);
      await heading(page);
      const firstOnPage1 = await page.locator('.card-title').first().textContent();
      await page.getByRole('link', { name: 'Older →' }).click();
      await page.waitForURL(`${site.server.url}page/2/`);
      assert.equal(await heading(page), 'Latest news, page 2');
      // The app moves focus to the new page, as a page load (the prerendered site's) resets it.
      if (!source.prerendered) assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus moves to the new page');
      assert.equal(await page.locator('#boot').count(), 0, 'the loading line is gone');
      assert.notEqual(await page.locator('.card-title').first().textContent(), firstOnPage1);
      assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), '2');
      assert.equal(await page.title(), 'Page 2 – The Harbour Herald');

      await page.getByRole('link', { name: 'Page 6' }).click();
      await page.waitForURL(`${site.server.url}page/6/`);
      assert.equal(await heading(page), 'Latest news, page 6');
      assert.equal(await page.getByRole('link', { name: 'Older →' }).count(), 0);

      // Data, not pictures (a page load asks for those again).
      const dataFetched = () => page.problems.dataRequests.filter((url) => !new URL(url).pathname.startsWith('/data/media/')).length;
      const requestsBefore = dataFetched();
      await page.goBack();
      await page.waitForURL(`${site.server.url}page/2/`);
      assert.equal(await heading(page), 'Latest news, page 2');
      await page.getByRole('link', { name: '← Newer' }).click();
      await page.waitForURL(site.server.url);
      assert.equal(await heading(page), 'Latest news');
      assert.equal(dataFetched(), requestsBefore, 'pages already seen come from memory');
      await assertCleanPage(page);
    });
  });

  describe('article page', () => {
    it('shows headline, dates, byline, tags, image, sanitized body and author card', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}harbour-redevelopment-explained/`);
      const title = await heading(page);
      assert.match(title, /^The harbour redevelopment, explained/);
      assert.equal(await page.title(), `${title} – The Harbour Herald`);
      const byline = page.locator('.byline a');
      assert.equal(await byline.textContent(), 'Ada Okafor');
      assert.equal(await byline.getAttribute('href'), '/author/ada-okafor/');
      const dates = page.locator('.dates time');
      assert.equal(await dates.count(), 2, 'published and updated');
      assert.match(await dates.first().getAttribute('datetime'), /^2026-11-02T/);
      assert.match(await page.locator('.dates').textContent(), /Published \d+ November 2026 · Updated \d+ November 2026/);
      const image = page.locator('.featured-image img');
      assert.equal(await image.getAttribute('width'), '1200');
      assert.equal(await image.getAttribute('height'), '675');
      assert.ok((await image.getAttribute('alt')).length > 0);
      const body = page.locator('.article-body');
      for (const selector of ['h2', 'h3', 'blockquote', 'ul li', 'ol li', 'figure img', 'figcaption', 'table', 'a[href^="https://"]']) {
        assert.ok(await body.locator(selector).count() > 0, `body has ${selector}`);
      }
      const tagLinks = page.locator('.article-footer .tag-list a');
      assert.ok(await tagLinks.count() >= 1);
      assert.match(await tagLinks.first().getAttribute('href'), /^\/tag\/[a-z-]+\/$/);
      const card = page.locator('.author-card');
      assert.equal(await card.locator('h2').textContent(), 'About Ada Okafor (7 Articles)');
      assert.equal(await card.locator('img.avatar').getAttribute('width'), '96');
      assert.ok((await card.locator('.bio').textContent()).length > 20);
      assert.equal(await card.getByRole('link', { name: 'All articles by Ada Okafor' }).getAttribute('href'), '/author/ada-okafor/');
      assert.equal(await meta(page, 'meta[property="og:type"]'), 'article');
      assert.match(await meta(page, 'meta[property="og:image"]'), source.featuredImage);
      assert.equal(
        await page.locator('head link[rel="canonical"]').getAttribute('href'),
        source.canonical(site.server.url, 'harbour-redevelopment-explained/'),
      );
      assert.ok((await meta(page, 'meta[name="description"]')).length > 20);
      const article = await structuredData(page);
      assert.equal(article['@type'], 'NewsArticle');
      assert.equal(article.headline, await page.locator('h1.headline').textContent());
      assert.equal(article.author.name, 'Ada Okafor');
      assert.equal(article.publisher.name, 'The Harbour Herald');
      assert.match(article.datePublished, /^\d{4}-\d\d-\d\dT/);
      assert.match(article.image.url, source.featuredImage);
      assert.equal(article.url, source.canonical(site.server.url, 'harbour-redevelopment-explained/'));
      await assertCleanPage(page);
    });

    it('marks a right-to-left article with its language and direction, in a page in the site\'s', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}fish-market-dawn-ar/`);
      await heading(page);
      // The interface is in the site's language; the article, and only it, in its own.
      assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
      assert.equal(await page.getAttribute('article.article', 'lang'), source.rightToLeftLanguage);
      assert.equal(await page.getAttribute('article.article', 'dir'), 'rtl');
      for (const part of ['.byline', '.dates', '.article-footer']) {
        const language = await page.locator(`article.article ${part}`).evaluate((element) => element.closest('[lang]').lang);
        assert.equal(language, 'en-GB', part);
      }
      const headline = await page.locator('article.article').evaluate((el) => getComputedStyle(el).direction);
      assert.equal(headline, 'rtl');
      await page.locator('.site-title').click();
      assert.equal(await heading(page), 'Latest news');
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
      assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
      await assertCleanPage(page);
    });
  });

  describe('comments', () => {
    it('threads the approved comments under the article, nested at most three levels deep', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}harbour-redevelopment-explained/`);
      await heading(page);
      const comments = page.locator('section.comments');
      await comments.locator('.comment-list').waitFor();
      assert.equal(await comments.locator('h2').textContent(), '12 Comments');
      assert.equal(await comments.locator('li.comment').count(), 12);
      assert.ok(await comments.locator('.comment-list > li > .children > li').count() > 0, 'replies nest under comments');
      assert.equal(await comments.locator('.children .children .children .children').count(), 0, 'no fourth level of nesting');
      assert.ok(await comments.locator('.children .children .children > li').count() > 0, 'the third level is used');
      const links = comments.locator('.comment-author a');
      assert.ok(await links.count() > 0);
      for (const rel of await links.evaluateAll((anchors) => anchors.map((a) => a.rel))) assert.match(rel, /\bnofollow\b.*\bugc\b/);
      assert.equal(await comments.locator('.comment-content script, .comment-content [onclick]').count(), 0);
      const first = comments.locator('li.comment').first();
      assert.match(await first.getAttribute('id'), /^comment-\d+$/);
      assert.match(await first.locator(':scope > .comment-body time').getAttribute('datetime'), /^2026-/);
      await assertCleanPage(page);
    });

    it('says when there are no comments yet', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}bus-route-12-saved/`);
      await heading(page);
      await page.locator('section.comments h2:not(:has-text("Comments"))').or(page.locator('section.comments h2', { hasText: 'No comments yet' })).first().waitFor();
      assert.equal(await page.locator('section.comments h2').textContent(), 'No comments yet');
      await assertCleanPage(page, ...source.noneLogs);
    });
  });

  describe('tag and author pages', () => {
    it('shows a tag with its description, count and paginated articles', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}tag/community/`);
      assert.equal(await heading(page), 'Community');
      assert.match(await page.locator('.listing-header .count').textContent(), /^11 Articles$/);
      assert.ok((await page.locator('.listing-header .description').textContent()).length > 10);
      assert.equal(await page.locator('.card').count(), 5);
      await page.getByRole('link', { name: 'Page 3' }).click();
      await page.waitForURL(`${site.server.url}tag/community/page/3/`);
      assert.equal(await heading(page), 'Community');
      assert.equal(await page.locator('.card').count(), 1);
      assert.equal(await page.title(), 'Community, page 3 – The Harbour Herald');
      // Only the page shown is current; the first page's address is a prefix of this one's.
      assert.deepEqual(await page.locator('[aria-current="page"]').allTextContents(), ['3']);
      const collection = await structuredData(page);
      assert.equal(collection['@type'], 'CollectionPage');
      assert.equal(collection.name, 'Community');
      await assertCleanPage(page);
    });

    it('heads an author page with the author card and lists their articles', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}author/marta-lindqvist/page/2/`);
      assert.equal(await heading(page), 'Articles by Marta Lindqvist');
      assert.equal(await page.locator('.author-card h2').textContent(), 'About Marta Lindqvist (8 Articles)');
      assert.equal(await page.locator('.author-card a').count(), 0, 'no link to the page it is on');
      assert.equal(await page.locator('.card').count(), 3);
      assert.equal(await meta(page, 'meta[property="og:type"]'), 'profile');
      const person = await structuredData(page);
      assert.equal(person['@type'], 'Person');
      assert.equal(person.name, 'Marta Lindqvist');
      await assertCleanPage(page);
    });
  });

  describe('sections', () => {
    const bar = (page) => page.getByRole('navigation', { name: 'Sections' });

    it('the section bar leads to each section\'s page, which lists its articles a page at a time', async () => {
      const page = await openPage(site.browser);
      await page.goto(site.server.url);
      await heading(page);
      const links = bar(page).getByRole('link');
      assert.deepEqual(await links.allTextContents(), ['News', 'Business', 'Sport', 'Culture', 'Environment']);
      assert.deepEqual(
        await links.evaluateAll((all) => all.map((link) => link.getAttribute('href'))),
        ['/category/news/', '/category/business/', '/category/sport/', '/category/culture/', '/category/environment/'],
      );
      await bar(page).getByRole('link', { name: 'Sport' }).click();
      await page.waitForURL(`${site.server.url}category/sport/`);
      assert.equal(await heading(page), 'Sport');
      assert.equal(await page.locator('.listing-header .kicker').textContent(), 'Section');
      assert.equal(await page.locator('.listing-header .count').textContent(), '6 Articles');
      assert.ok((await page.locator('.listing-header .description').textContent()).length > 10);
      assert.equal(await page.locator('.card').count(), 5);
      assert.equal(await bar(page).locator('[aria-current="page"]').textContent(), 'Sport');
      await page.getByRole('link', { name: 'Page 2' }).click();
      await page.waitForURL(`${site.server.url}category/sport/page/2/`);
      assert.equal(await heading(page), 'Sport');
      assert.equal(await page.locator('.card').count(), 1);
      assert.equal(await page.title(), 'Sport, page 2 – The Harbour Herald');
      // The section stays current on its later pages.
      assert.equal(await bar(page).locator('[aria-current="page"]').textContent(), 'Sport');
      const collection = await structuredData(page);
      assert.equal(collection['@type'], 'CollectionPage');
      assert.equal(collection.name, 'Sport');
      await assertCleanPage(page);
    });

    it('names an article\'s section above its headline', async () => {
      const page = await openPage(site.browser);
      await page.goto(`${site.server.url}harbour-redevelopment-explained/`);
      await heading(page);
      const section = page.locator('.article-header .article-section a');
      assert.equal(await section.textContent(), 'Business');
      assert.equal(await section.getAttribute('href'), '/category/business/');
      assert.equal(await page.locator('.article-header > :first-child').getAttribute('class'), 'article-section');
      assert.equal((await structuredData(page)).articleSection, 'Business');
      await section.click();
      await page.waitForURL(`${site.server.url}category/business/`);
      assert.equal(await heading(page), 'Business');
      await assertCleanPage(page);
    });

    it('on a 320 px phone the bar scrolls sideways, not the page, and the keyboard reaches every section', async () => {
      const page = await openPage(site.browser, { viewport: { width: 320, height: 640 } });
      await page.goto(site.server.url);
      await heading(page);
      const widths = await bar(page).evaluate((nav) => ({ scroll: nav.scrollWidth, client: nav.clientWidth }));
      assert.ok(widths.scroll > widths.client, `the bar is wider than the phone: ${JSON.stringify(widths)}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, 'the page does not scroll sideways');
      // Tab to the last section: it is scrolled into sight, focus visible, and Enter follows it.
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.textContent === 'Environment')) break;
      }
      const focused = await page.evaluate(() => {
        const link = document.activeElement;
        const box = link.getBoundingClientRect();
        const style = getComputedStyle(link);
        return {
          text: link.textContent,
          inSight: box.left >= 0 && box.right <= window.innerWidth,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      assert.deepEqual(focused, { text: 'Environment', inSight: true, outline: true });
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.server.url}category/environment/`);
      assert.equal(await heading(page), 'Environment');
      await assertCleanPage(page);
    });
  });

  describe('not found', () => {
    for (const [what, path] of [
      ['an unknown article', 'no-such-article/'],
      ['an unknown tag', 'tag/no-such-tag/'],
      ['an unknown section', 'category/no-such-section/'],
      ['the category of posts filed nowhere, which is no section', 'category/uncategorized/'],
      ['an unknown author', 'author/nobody/'],
      ['a page past the end', 'page/99/'],
      ['a page that is not a number', 'tag/harbour/page/two/'],
      ['an unknown path', 'some/deep/unknown/path/'],
      ['a slug that is not a slug', 'a.json/'],
    ]) {
      it(`shows the not-found page for ${what}`, async () => {
        const page = await openPage(site.browser);
        await page.goto(`${site.server.url}${path}`);
        assert.equal(await heading(page), 'Page not found');
        assert.equal(await page.title(), 'Page not found');
        assert.equal(await meta(page, 'meta[name="robots"]'), 'noindex');
        assert.equal(await page.getByRole('button', { name: 'Retry' }).count(), 0);
        await page.getByRole('link', { name: 'Go to the front page' }).click();
        assert.equal(await heading(page), 'Latest news');
        // The page it is on is answered with status 404 (as is a missing data file), which the browser logs.
        await assertCleanPage(page, NOT_FOUND_LOG);
      });
    }
  });

  describe('keyboard', () => {
    it('walks from the home page to an article and on to its author with the keyboard alone', async () => {
      const page = await openPage(site.browser);
      await page.goto(site.server.url);
      await heading(page);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
      const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
      const tabUntil = async (predicate, limit = 40) => {
        for (let i = 0; i < limit; i += 1) {
          await page.keyboard.press('Tab');
          if (await predicate()) return;
        }
        throw new Error('never reached by Tab');
      };
      await tabUntil(async () => /^\/[a-z0-9-]+\/$/.test(await focusedHref()) && !/^\/(tag|author|page)\//.test(await focusedHref()));
      const articlePath = await focusedHref();
      const visible = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
      assert.ok(visible, 'focus is visible');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.server.url}${articlePath.slice(1)}`);
      const headline = await heading(page);
      assert.ok(headline.length > 10);
      await tabUntil(async () => /^\/author\//.test((await focusedHref()) || ''));
      const authorPath = await focusedHref();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.server.url}${authorPath.slice(1)}`);
      assert.match(await heading(page), /^Articles by /);
      await assertCleanPage(page);
    });
  });

  describe('layout stability', () => {
    for (const [width, pagePath] of [[412, ''], [412, 'harbour-redevelopment-explained/'], [1200, 'tag/harbour/'], [320, 'author/ada-okafor/']]) {
      it(`nothing moves while /${pagePath} loads at ${width} px`, async () => {
        const page = await openPage(site.browser, { viewport: { width, height: 823 } });
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              window.__shifts.push(entry.sources.map((shifted) => shifted.node?.nodeName).join(' ') + ` ${entry.value}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${site.server.url}${pagePath}`);
        await heading(page);
        await page.locator('footer.site-footer').waitFor();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.deepEqual(await page.evaluate(() => window.__shifts), []);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        assert.equal(overflow, false, 'no sideways scrolling');
      });
    }
  });
}
