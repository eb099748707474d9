// The interface in the site's language: the sample site, and the test WordPress, with Arabic as the
// site's language. Every page a reader can reach, in each state the test can bring about, must show
// no string of the English translation file (public/translations/en.json): each element's text and
// each attribute a reader or a screen reader meets is compared with every English message, its
// placeholders standing for any text.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  NOT_FOUND_LOG, ROOT, assertClean, heading, openPage, startServer, startSiteIn, startWordPressSite, useSite,
} from './support.mjs';

const translation = (language) => JSON.parse(readFileSync(path.join(ROOT, `public/translations/${language}.json`), 'utf-8'));
const english = translation('en');
const arabic = translation('ar');

/** Every text of a translation: its messages, and each form of its plural ones. */
const texts = (messages) => Object.values(messages).flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message)));

/** Each English message as a pattern of a whole text: its placeholders stand for any short text. */
const englishPatterns = texts(english).map((message) => {
  const pattern = message
    .split(/\{[a-z]+\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.{1,80}');
  return { message, pattern: new RegExp(`^${pattern}$`, 's') };
});

/**
 * The interface's texts on the page: each element's whole text (outside what the content itself
 * says: article bodies, headlines, excerpts, bios, comments) and the attributes that carry words,
 * the page's title among them.
 */
async function interfaceTexts(page) {
  return page.evaluate(() => {
    const content = '.article-body, .headline, .card-title, .card-excerpt, .bio, .comment-content, .search-excerpt, script, style, template';
    const found = [document.title];
    const worded = ['aria-label', 'title', 'placeholder', 'alt', 'data-play', 'data-pause', 'data-searching', 'data-none', 'data-failed'];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest(content)) continue;
      found.push(element.textContent);
      for (const name of worded) if (element.hasAttribute(name)) found.push(element.getAttribute(name));
      for (const name of ['data-plurals', 'data-results']) {
        if (element.hasAttribute(name)) found.push(...Object.values(JSON.parse(element.getAttribute(name))));
      }
    }
    return found.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/** Asserts that no English interface string is left on the page; returns the page's texts. */
async function assertNoEnglish(page, where) {
  const found = await interfaceTexts(page);
  const left = [];
  for (const text of found) {
    for (const { message, pattern } of englishPatterns) {
      if (pattern.test(text)) left.push(`${JSON.stringify(text)} (English: ${JSON.stringify(message)})`);
    }
  }
  assert.deepEqual([...new Set(left)], [], `English left on ${where}`);
  return found;
}

describe('a site in Arabic, from static files', () => {
  const site = useSite(() => startSiteIn('ar', 'rtl'));
  const shown = new Set();
  const visit = async (address, where) => {
    const page = await openPage(site.browser);
    await page.goto(new URL(address, site.server.url).href);
    await heading(page);
    for (const text of await assertNoEnglish(page, where)) shown.add(text);
    return page;
  };

  it('has no English interface string on any page', async () => {
    const home = await visit('/', 'the front page');
    assert.equal(await home.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await home.locator('html').getAttribute('dir'), 'rtl');
    assert.equal((await home.locator('.skip-link').textContent()).trim(), arabic.skip_link);
    assert.equal(await home.locator('.section-bar').getAttribute('aria-label'), arabic.sections_label);
    assert.equal((await home.locator('.ticker-label').textContent()).trim(), arabic.ticker_label);
    // Pause and Play, by the page's script before the ticker's island runs.
    const toggle = home.locator('.ticker-toggle');
    assert.equal((await toggle.textContent()).trim(), arabic.ticker_pause);
    await toggle.click();
    assert.equal((await toggle.textContent()).trim(), arabic.ticker_play);
    await assertNoEnglish(home, 'the front page, paused');
    await assertClean(home);

    // The ticker's island, once its headlines are due, speaks the page's language too: it reads
    // which from the page, and the translation from the answers the page carries.
    const later = await openPage(site.browser);
    await later.clock.install();
    await later.goto(site.server.url);
    await heading(later);
    await later.locator('.ticker-toggle').click();
    await later.clock.runFor(301_000);
    await later.waitForFunction(() => document.querySelector('[data-island=ticker]').dataset.state === 'ready', null, { timeout: 15000 });
    const taken = later.locator('.ticker-toggle');
    assert.equal((await taken.textContent()).trim(), arabic.ticker_play, 'still paused, in Arabic');
    await taken.click();
    assert.equal((await taken.textContent()).trim(), arabic.ticker_pause, 'the island runs the button, in Arabic');
    await assertNoEnglish(later, 'the front page, its ticker island running');
    await assertClean(later);

    const second = await visit('/page/2/', 'the second page');
    assert.match((await second.locator('.pagination').textContent()), new RegExp(arabic.older_page));
    await assertClean(second);
    await assertClean(await visit('/category/sport/', 'a section'));
    await assertClean(await visit('/tag/harbour/', 'a tag'));

    const author = await visit('/author/ada-okafor/', 'an author');
    // "About NAME (N Articles)", N in its Arabic plural form.
    const count = Number((await author.locator('.author-card h2').textContent()).match(/\d+/)?.[0] ?? 0);
    assert.ok(count > 2, 'the author has a few articles');
    await assertClean(author);

    const article = await visit('/ferry-timetable-changes/', 'an article with comments');
    assert.equal((await article.locator('.comments-closed').textContent()).trim(), arabic.comments_closed);
    assert.match(await article.locator('.byline').textContent(), new RegExp(arabic.byline.replace('{author}', '.+')));
    await assertClean(article);

    const found = await visit('/search/?q=harbour', 'the search page, with results');
    await found.waitForSelector('.search-page[data-state=found]');
    await assertNoEnglish(found, 'the search results');
    for (const text of await interfaceTexts(found)) shown.add(text);
    const none = await visit('/search/?q=zzzqqqxxx', 'the search page, with none');
    await none.waitForSelector('.search-page[data-state=none]');
    assert.equal((await none.locator('.search-status').textContent()).trim(), arabic.search_none.replace('{query}', 'zzzqqqxxx'));
    await assertClean(found);
    await assertClean(none);

    const missing = await openPage(site.browser);
    await missing.goto(new URL('/no-such-page/', site.server.url).href);
    assert.equal(await heading(missing), arabic.not_found_title);
    for (const text of await assertNoEnglish(missing, 'the not-found page')) shown.add(text);
    await assertClean(missing, NOT_FOUND_LOG);

    // The app's shell, which answers that address, is in Arabic before the app draws the page: its
    // loading line, and with scripts off its notice.
    const still = await openPage(site.browser, { javaScriptEnabled: false });
    await still.goto(new URL('/no-such-page/', site.server.url).href);
    assert.equal(await still.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await still.locator('html').getAttribute('dir'), 'rtl');
    assert.equal((await still.locator('#boot').textContent()).trim(), arabic.app_loading);
    assert.equal((await still.locator('.noscript').textContent()).trim(), arabic.app_needs_script);
    for (const text of await assertNoEnglish(still, 'the app\'s shell, scripts off')) shown.add(text);

    // What these pages show of the translation: every message they can show at all.
    for (const key of ['skip_link', 'sections_label', 'site_search_label', 'search_button', 'powered_by', 'pages_label',
      'ticker_label', 'ticker_pause', 'ticker_play', 'latest_news', 'section_kicker', 'tag_kicker', 'filed_under',
      'tags_label', 'comments_closed', 'search_title', 'search_again', 'not_found_title', 'not_found_text',
      'not_found_home', 'show_new_articles', 'app_loading', 'app_needs_script']) {
      assert.ok(shown.has(arabic[key]), `${key} was shown: ${arabic[key]}`);
    }
  });

  it('shows its ticker on another site’s page in Arabic, right to left, before and after its island runs', async () => {
    const hostDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-host-'));
    writeFileSync(path.join(hostDir, 'favicon.ico'), '');
    writeFileSync(path.join(hostDir, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="${site.server.url}embed/ticker.js"></script></head>
<body><h1>Someone else’s page, in English</h1><broadsheet-ticker src="${site.server.url}"></broadsheet-ticker></body></html>`);
    const host = await startServer({ dir: hostDir });
    try {
      const page = await openPage(site.browser);
      await page.goto(host.url);
      const ticker = page.locator('broadsheet-ticker');
      await ticker.locator('.ticker-track.running').waitFor();
      const wrapper = ticker.locator('.broadsheet-embed');
      assert.deepEqual([await wrapper.getAttribute('lang'), await wrapper.getAttribute('dir')], ['ar', 'rtl']);
      assert.equal((await ticker.locator('.ticker-label').textContent()).trim(), arabic.ticker_label);
      const toggle = ticker.locator('.ticker-toggle');
      await toggle.click();
      assert.equal((await toggle.textContent()).trim(), arabic.ticker_play);
      // Due: its island takes over, in Arabic too.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await ticker.locator('[data-island=ticker][data-state=ready]').waitFor();
      assert.equal((await toggle.textContent()).trim(), arabic.ticker_play, 'still paused, in Arabic');
      await toggle.click();
      assert.equal((await toggle.textContent()).trim(), arabic.ticker_pause, 'the island runs the button, in Arabic');
      await assertClean(page);
    } finally {
      await host.stop();
      rmSync(hostDir, { recursive: true, force: true });
    }
  });
});

describe('a site in Arabic whose config.json is broken', () => {
  const site = useSite(() => startSiteIn('ar', 'rtl'));

  it('says so in Arabic, the language its shell was built in', async () => {
    const page = await openPage(site.browser);
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"source": ' }));
    await page.goto(new URL('/no-such-page/', site.server.url).href);
    assert.equal(await heading(page), arabic.config_error_title);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.getByRole('button', { name: arabic.retry }).count(), 1);
    const texts = await assertNoEnglish(page, 'the configuration error page');
    assert.ok(texts.includes(arabic.config_error_reader));
    // The address has no page of its own: the host answers it with the app's shell, as a 404.
    await assertClean(page, NOT_FOUND_LOG);
  });
});

describe('the check for English strings', () => {
  const site = useSite(() => startServer());

  it('finds them on the sample site in English', async () => {
    const page = await openPage(site.browser);
    await page.goto(`${site.server.url}harbour-redevelopment-explained/`);
    await heading(page);
    await assert.rejects(assertNoEnglish(page, 'the English site'), (error) => {
      for (const english of ['Skip to content', 'Comments are closed.', 'Filed under']) {
        assert.match(error.message, new RegExp(english), `it finds ${english}`);
      }
      return true;
    });
  });
});

describe('a site in Arabic, from WordPress', () => {
  const site = useSite(() => startWordPressSite(['--language', 'ar']));

  it('has no English interface string, the comment form and its errors included', async () => {
    const page = await openPage(site.browser);
    await page.goto(site.server.url);
    await heading(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    await assertNoEnglish(page, 'the front page');
    // An article's page, drawn by the app from WordPress: the form is there, in Arabic.
    await page.locator('.front-page .card-title a').first().click();
    await heading(page);
    await page.locator('#comment').waitFor();
    assert.equal((await page.locator('#reply-title').textContent()).trim(), arabic.leave_reply);
    await assertNoEnglish(page, 'an article with the comment form');
    // Sent empty: every required field's error, and the status line, in Arabic.
    await page.locator('.comment-form button[type=submit]').click();
    await page.locator('#comment-error:not(:empty)').waitFor();
    assert.equal((await page.locator('#comment-error').textContent()).trim(), arabic.missing_comment);
    assert.equal((await page.locator('#author-error').textContent()).trim(), arabic.missing_name);
    assert.equal((await page.locator('#email-error').textContent()).trim(), arabic.missing_email);
    assert.equal(
      (await page.locator('.form-status').textContent()).trim(),
      arabic.correct_problems.few.replace('{count}', '3'),
    );
    await assertNoEnglish(page, 'the comment form with its errors');
    await assertClean(page);
  });
});
