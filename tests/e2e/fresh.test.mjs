// Readers see what is newer than the page: a prerendered home, tag or author page asks its source
// once, when it is opened, whether newer articles exist, and an article whether it has a newer
// version; the page says so in a bar that moves nothing, with a button that shows them. For static
// data the site's latest.json (written with the pages) is asked, and a reload shows them; for a
// live WordPress, WordPress itself, and the full app draws the page from it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, assertClean, axeViolations, heading, openPage, startConfiguredSite, startServer, startWordPress, useSite, wordpressPhp,
} from './support.mjs';

const shared = useSite(null);

/** Now, to the second, as the data's times are written. */
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Opens `url` as a reader's copy of it made before the site changed (`html`, as the host served it
 * then, with the host's headers), counting layout shifts; later loads of it reach the host.
 * `prepare(page)` runs before it opens.
 */
async function openOldCopy(url, html, prepare = async () => {}) {
  const page = await openPage(shared.browser);
  await prepare(page);
  await page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: 200, headers, body: html });
  }, { times: 1 });
  await page.goto(url);
  return page;
}

/** The notice once the page has asked: its state (current, newer or failed), text and button. */
async function noticeOf(page) {
  await page.waitForFunction(() => /^(current|newer|failed)$/.test(document.querySelector('.newer-notice')?.dataset.state ?? ''), null, { timeout: 15000 });
  const notice = page.locator('.newer-notice');
  return {
    state: await notice.getAttribute('data-state'),
    text: (await notice.locator('.newer-notice-text').textContent()).trim(),
    button: await notice.locator('.newer-notice-show').isVisible(),
  };
}

/** Clicks the notice's button, which loads the page again, and waits for the page. */
async function showByReload(page) {
  await Promise.all([page.waitForEvent('load'), page.locator('.newer-notice-show').click()]);
  return heading(page);
}

describe('static data: pages built before a new article', () => {
  const added = {
    slug: 'fresh-news-on-the-quay',
    title: 'Fresh news on the quay this morning',
    excerpt: 'Published after the reader opened the page.',
    author: 'ada-okafor',
    tags: ['harbour'],
    body_html: '<p>The first boat came in at dawn.</p>',
  };
  const updated = { slug: 'harbour-redevelopment-explained', title: 'The harbour redevelopment, explained again' };
  const paths = ['', 'tag/harbour/', 'tag/sport/', 'author/ada-okafor/', `${updated.slug}/`];
  let dir;
  let server;
  const old = {};
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-fresh-'));
    cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    server = await startServer({ dir });
    for (const sitePath of paths) old[sitePath] = await (await fetch(`${server.url}${sitePath}`)).text();
    // The site changes: one article more, one updated; the pages and latest.json are built again.
    const content = JSON.parse(readFileSync(path.join(ROOT, 'content/sample.json'), 'utf-8'));
    content.articles.push({ ...added, published: now() });
    Object.assign(content.articles.find((article) => article.slug === updated.slug), { title: updated.title, modified: now() });
    const source = path.join(dir, 'sample.json');
    writeFileSync(source, JSON.stringify(content));
    execFileSync('python3', [path.join(ROOT, 'scripts/sample_data.py'), '--source', source, '--out', path.join(dir, 'data')], { cwd: ROOT, stdio: 'ignore' });
    execFileSync('cargo', ['run', '-q', '-p', 'broadsheet-site-files', '--', dir], { cwd: ROOT, stdio: 'ignore' });
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the home page says "1 new article" without moving anything, and its button shows it', async () => {
    const page = await openOldCopy(server.url, old['']);
    assert.deepEqual(await noticeOf(page), { state: 'newer', text: '1 new article', button: true });
    assert.equal(await page.locator('.card-title', { hasText: added.title }).count(), 0, 'nothing moves until the reader asks');
    assert.equal(await page.evaluate(() => window.layoutShift), 0, 'no layout shift');
    assert.deepEqual(await axeViolations(page), [], 'axe-core, with the notice shown');
    await assertClean(page);
    assert.equal(await showByReload(page), 'Latest news');
    assert.equal(await page.locator('.card-title').first().textContent(), added.title);
    assert.equal((await noticeOf(page)).state, 'current', 'the page is now as new as the site');
    assert.equal(await page.locator('.newer-notice-show').isVisible(), false);
    await assertClean(page);
  });

  it('a tag or author page counts only its own new articles', async () => {
    for (const [sitePath, text] of [['tag/harbour/', '1 new article'], ['author/ada-okafor/', '1 new article'], ['tag/sport/', '']]) {
      const page = await openOldCopy(`${server.url}${sitePath}`, old[sitePath]);
      const notice = await noticeOf(page);
      assert.deepEqual(notice, { state: text ? 'newer' : 'current', text, button: Boolean(text) }, sitePath);
      await assertClean(page);
      await page.context().close();
    }
  });

  it('an article updated since says so, and its button shows the new version', async () => {
    const page = await openOldCopy(`${server.url}${updated.slug}/`, old[`${updated.slug}/`]);
    assert.deepEqual(await noticeOf(page), { state: 'newer', text: 'This article has been updated', button: true });
    assert.notEqual(await page.locator('main h1').textContent(), updated.title);
    assert.equal(await page.evaluate(() => window.layoutShift), 0, 'no layout shift');
    assert.equal(await showByReload(page), updated.title);
    assert.equal((await noticeOf(page)).state, 'current');
    await assertClean(page);
  });

  it('a page as new as the site shows nothing', async () => {
    for (const sitePath of paths) {
      const page = await openPage(shared.browser);
      await page.goto(`${server.url}${sitePath}`);
      assert.deepEqual(await noticeOf(page), { state: 'current', text: '', button: false }, sitePath);
      await assertClean(page);
      await page.context().close();
    }
  });

  it('a listing\'s later pages ask nothing: what is new is on the first', async () => {
    for (const sitePath of ['page/2/', 'tag/harbour/page/2/']) {
      const page = await openPage(shared.browser);
      const asked = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}${sitePath}`);
      await heading(page);
      assert.equal(await page.locator('.newer-notice').count(), 0, sitePath);
      assert.deepEqual(asked.filter((file) => file.endsWith('/latest.json')), [], sitePath);
      await assertClean(page);
      await page.context().close();
    }
  });

  it('a latest.json that fails (500, damaged, unreachable) shows nothing and breaks nothing', async () => {
    const failures = [
      [(route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }), /status of 500/],
      [(route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"articles": [{"slug": ' })],
      [(route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"articles": 7}' })],
      [(route) => route.abort('internetdisconnected'), /ERR_INTERNET_DISCONNECTED/],
    ];
    for (const [answer, logged] of failures) {
      const page = await openOldCopy(server.url, old[''], (opening) => opening.route('**/latest.json', answer));
      const notice = await noticeOf(page);
      assert.deepEqual(notice, { state: 'failed', text: '', button: false });
      assert.equal(await heading(page), 'Latest news', 'the page as it is');
      await assertClean(page, ...(logged ? [logged] : []));
      await page.context().close();
    }
  });
});

describe('prerendered from a live WordPress', () => {
  // A tag of these tests' own, so that what other tests publish meanwhile is not counted here.
  const tag = `fresh-test-${process.pid}`;
  const posts = [];
  let termId;
  let site;
  const publish = (title) => {
    const id = Number(wordpressPhp(`
      $author = get_user_by('slug', 'ada-okafor');
      echo wp_insert_post(['post_title' => ${JSON.stringify(title)}, 'post_status' => 'publish', 'post_author' => $author->ID,
        'post_content' => '<p>Published for a test.</p>', 'tags_input' => [${JSON.stringify(tag)}]], true);`));
    assert.ok(id > 0, `the post ${title} was made`);
    posts.push(id);
    return JSON.parse(wordpressPhp(`echo json_encode(['slug' => get_post_field('post_name', ${id})]);`)).slug;
  };
  let first;
  before(async () => {
    startWordPress();
    termId = Number(wordpressPhp(`echo wp_insert_term(${JSON.stringify(tag)}, 'post_tag', ['slug' => ${JSON.stringify(tag)}])['term_id'];`));
    first = publish('Fresh test: the first post on its tag');
    // The pages are prerendered from what WordPress has now.
    site = await startConfiguredSite([
      '--wordpress', `${startWordPress()}wp-json/`, '--per-page', '5', '--language', 'en-GB', '--prerender',
    ]);
  });
  after(async () => {
    await site?.stop();
    for (const id of posts) wordpressPhp(`wp_delete_post(${id}, true);`);
    if (termId > 0) wordpressPhp(`wp_delete_term(${termId}, 'post_tag');`);
  });

  it('says nothing while WordPress has nothing newer', async () => {
    const page = await openPage(shared.browser);
    await page.goto(`${site.url}tag/${tag}/`);
    assert.deepEqual(await noticeOf(page), { state: 'current', text: '', button: false });
    await assertClean(page);
  });

  it('a tag page built before a post was published says so, and the app shows it from WordPress', async () => {
    const title = 'Fresh test: published after the build';
    publish(title);
    const page = await openPage(shared.browser);
    await page.goto(`${site.url}tag/${tag}/`);
    assert.deepEqual(await noticeOf(page), { state: 'newer', text: '1 new article', button: true });
    assert.equal(await page.locator('.card-title', { hasText: title }).count(), 0, 'nothing moves until the reader asks');
    await page.locator('.newer-notice-show').click();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'drawn', null, { timeout: 30000 });
    await page.locator('.card-title', { hasText: title }).waitFor({ timeout: 15000 });
    assert.equal(await heading(page), tag);
    await assertClean(page);

    // The home page counts it too, with whatever else was published meanwhile.
    const home = await openPage(shared.browser);
    await home.goto(site.url);
    const notice = await noticeOf(home);
    assert.equal(notice.state, 'newer');
    assert.match(notice.text, /^\d+ new articles?$/);
    await assertClean(home);
  });

  it('counts in the plural, and an article updated since says so and is drawn from WordPress', async () => {
    publish('Fresh test: and one more');
    const page = await openPage(shared.browser);
    await page.goto(`${site.url}tag/${tag}/`);
    assert.deepEqual(await noticeOf(page), { state: 'newer', text: '2 new articles', button: true });
    await page.context().close();

    const title = 'Fresh test: the first post, updated';
    wordpressPhp(`wp_update_post(['ID' => ${posts[0]}, 'post_title' => ${JSON.stringify(title)}]);`);
    const article = await openPage(shared.browser);
    await article.goto(`${site.url}${first}/`);
    assert.deepEqual(await noticeOf(article), { state: 'newer', text: 'This article has been updated', button: true });
    await article.locator('.newer-notice-show').click();
    await article.waitForFunction(() => document.documentElement.dataset.app === 'drawn', null, { timeout: 30000 });
    await article.locator('main h1', { hasText: title }).waitFor({ timeout: 15000 });
    await assertClean(article);
  });
});
