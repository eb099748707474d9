// A site prerendered from the test WordPress, kept up to date by scripts/sync (broadsheet-site-files
// DIST --sync): a post published, renamed, changed while WordPress fails, and unpublished, each
// followed by a sync, and the pages served by broadsheet-serve as a static host would.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assertClean, heading, openPage, startServer, startWordPress, useSite } from './support.mjs';

/** Runs scripts/wordpress.d/post.php (WordPress's own functions, so its hooks fire as for an editor's save). */
function post(...args) {
  return execFileSync('php', [path.join(ROOT, 'scripts/wordpress.d/post.php'), ...args], { encoding: 'utf-8' }).trim();
}

/**
 * scripts/sync over `dir` (and `args`): { status, output } (stdout and stderr), whether it succeeds or not.
 * Asynchronous: the proxy it reads through answers from this process.
 */
async function sync(dir, env = {}, args = []) {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(ROOT, 'scripts/sync'), [dir, ...args], {
      encoding: 'utf-8', env: { ...process.env, ...env },
    });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    return { status: error.code, output: `${error.stdout}${error.stderr}` };
  }
}

/**
 * A proxy in front of WordPress, which the site is configured with, that answers 500 to a post's
 * own request (`posts?slug=`) while `failing`: WordPress failing half-way through a sync, for this
 * site only. WordPress's own address in its answers (pictures, avatars) is the proxy's, as it would
 * be for a WordPress behind it, so that the site's Content-Security-Policy allows them.
 */
async function startProxy(wordpress) {
  const target = new URL(wordpress);
  const proxy = { failing: false };
  const server = http.createServer((request, response) => {
    if (proxy.failing && request.url.includes('/wp/v2/posts?slug=')) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"code":"internal_server_error","message":"Failing on purpose","data":{"status":500}}');
      return;
    }
    const forwarded = http.request({
      host: target.hostname, port: target.port, path: request.url, method: request.method,
      headers: { ...request.headers, host: target.host, 'accept-encoding': 'identity' },
    }, async (answer) => {
      const chunks = [];
      for await (const chunk of answer) chunks.push(chunk);
      const body = Buffer.from(Buffer.concat(chunks).toString('latin1').replaceAll(target.host, proxy.host), 'latin1');
      const headers = { ...answer.headers, 'content-length': body.length };
      delete headers['transfer-encoding'];
      response.writeHead(answer.statusCode, headers);
      response.end(body);
    });
    forwarded.on('error', (error) => response.destroy(error));
    request.pipe(forwarded);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.host = `127.0.0.1:${server.address().port}`;
  proxy.url = `http://${proxy.host}/`;
  proxy.stop = () => new Promise((resolve) => server.close(resolve));
  return proxy;
}

describe('a site prerendered from WordPress, synced', () => {
  const shared = useSite(null);
  const title = `Sync test ${Date.now()}`;
  const slug = title.toLowerCase().replace(/ /g, '-');
  const renamed = `${slug}-renamed`;
  let dir;
  let proxy;
  let site;
  let id;
  let second;
  const html = async (address) => {
    const response = await fetch(`${site.url}${address}`);
    return { status: response.status, text: await response.text() };
  };

  before(async () => {
    proxy = await startProxy(startWordPress());
    dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sync-'));
    cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    await promisify(execFile)(path.join(ROOT, 'scripts/configure'), [
      dir, '--wordpress', `${proxy.url}wp-json/`, '--per-page', '5', '--language', 'en-GB', '--prerender',
    ]);
    site = await startServer({ dir });
  });

  after(async () => {
    try {
      if (id) post('delete', id);
      if (second) post('delete', second);
    } finally {
      await site?.stop();
      await proxy?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the site is up to date when nothing changed', async () => {
    const { status, output } = await sync(dir);
    assert.equal(status, 0, output);
    assert.match(output, /up to date \(0 new, 0 changed, 0 gone, 0 moved of \d+ posts\)/);
  });

  it('gives a published post its page, and puts it on the home page, its tag\'s, section\'s and author\'s pages, the feeds and the sitemaps', async () => {
    id = post('create', JSON.stringify({
      title, tag: 'harbour', section: 'sport', author: 'ada-okafor', content: '<p>Published for the sync test.</p>', excerpt: 'The sync test.',
    }));
    const { status, output } = await sync(dir);
    assert.equal(status, 0, output);
    assert.match(output, /synced from .*: 1 new, 0 changed, 0 gone, 0 moved of \d+ posts; \d+ pages rendered, 0 removed/);
    for (const address of ['', 'tag/harbour/', 'category/sport/', 'author/ada-okafor/', 'feed/', 'tag/harbour/feed/', 'category/sport/feed/', 'feed.json', 'embed/ticker.json']) {
      const page = await html(address);
      assert.equal(page.status, 200, address);
      assert.ok(page.text.includes(title), `${title} on /${address}`);
    }
    assert.ok((await html('sitemap.xml')).text.includes(`/${slug}/</loc>`));
    // Published just now, it is news: the news sitemap lists it first, with its title.
    assert.match((await html('news-sitemap.xml')).text, new RegExp(
      `<urlset [^>]*>\\n  <url><loc>[^<]*/${slug}/</loc><news:news>.*<news:title>${title}</news:title>`,
    ));
    // The author card of each of her articles counts one more.
    const card = (await html('harbour-redevelopment-explained/')).text.replace(/<!>|<!--[^]*?-->/g, '');
    assert.match(card, /About Ada Okafor \(8 Articles\)/);

    const page = await openPage(shared.browser);
    await page.goto(`${site.url}${slug}/`);
    assert.equal(await heading(page), title);
    assert.equal(await page.locator('.article-section').textContent(), 'Sport');
    assert.match(await page.locator('main').innerText(), /Published for the sync test\./);
    await assertClean(page);
    assert.equal(existsSync(path.join(dir, '.broadsheet-sync-staging')), false, 'nothing left aside');
  });

  it('moves a post whose slug changed, and redirects its old address to the new one', async () => {
    post('update', id, JSON.stringify({ slug: renamed }));
    const { status, output } = await sync(dir);
    assert.equal(status, 0, output);
    assert.match(output, /0 new, 1 changed, 0 gone, 1 moved/);
    assert.match(readFileSync(path.join(dir, '_redirects'), 'utf-8'), new RegExp(`^/${slug}/ /${renamed}/ 301$`, 'm'));
    const old = await fetch(`${site.url}${slug}/`, { redirect: 'manual' });
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), `/${renamed}/`);
    assert.ok((await html('')).text.includes(`/${renamed}/`), 'the home page links to the new address');

    const page = await openPage(shared.browser);
    await page.goto(`${site.url}${slug}/`);
    assert.equal(new URL(page.url()).pathname, `/${renamed}/`);
    assert.equal(await heading(page), title);
    await assertClean(page);
  });

  it('leaves the site as it was when WordPress fails during a sync, and catches up once it answers', async () => {
    const before = { home: await html(''), article: await html(`${renamed}/`) };
    post('update', id, JSON.stringify({ title: `${title} (updated)` }));
    proxy.failing = true;
    let failed;
    try {
      failed = await sync(dir);
    } finally {
      proxy.failing = false;
    }
    assert.notEqual(failed.status, 0, failed.output);
    assert.match(failed.output, /500/);
    assert.match(failed.output, /is as it was/);
    assert.equal(existsSync(path.join(dir, '.broadsheet-sync-staging')), false, 'nothing left aside');
    assert.deepEqual(await html(''), before.home, 'the old home page is served');
    assert.deepEqual(await html(`${renamed}/`), before.article, 'the old article is served');

    const { status, output } = await sync(dir);
    assert.equal(status, 0, output);
    assert.match(output, /0 new, 1 changed/);
    assert.ok((await html(`${renamed}/`)).text.includes(`${title} (updated)`));
  });

  it('takes the page of an unpublished post away, from its listings too', async () => {
    post('update', id, JSON.stringify({ status: 'draft' }));
    const { status, output } = await sync(dir);
    assert.equal(status, 0, output);
    assert.match(output, /0 new, 0 changed, 1 gone, 0 moved of \d+ posts; \d+ pages rendered, \d+ removed/);
    assert.equal((await html(`${renamed}/`)).status, 404);
    assert.equal((await fetch(`${site.url}${slug}/`, { redirect: 'manual' })).status, 404, 'no redirect to a page that is gone');
    for (const address of ['', 'tag/harbour/', 'feed/', 'feed.json', 'news-sitemap.xml']) {
      assert.ok(!(await html(address)).text.includes(title), `${title} still on /${address}`);
    }
    assert.ok(!(await html('sitemap.xml')).text.includes(renamed));
  });

  it('puts a new post in first, and leaves the pages that can wait to the next sync when a newer call is waiting', async () => {
    const card = async () => (await html('harbour-redevelopment-explained/')).text.replace(/<!>|<!--[^]*?-->/g, '');
    assert.match(await card(), /About Ada Okafor \(7 Articles\)/);
    const waiting = path.join(dir, '..', `${path.basename(dir)}.waiting`);
    writeFileSync(waiting, '');
    try {
      second = post('create', JSON.stringify({ title: `${title} again`, tag: 'harbour', author: 'ada-okafor', content: '<p>Again.</p>' }));
      const first = await sync(dir, { BROADSHEET_HOOK_WAITING: waiting });
      assert.equal(first.status, 0, first.output);
      assert.match(first.output, /1 new, 0 changed, 0 gone, 0 moved of \d+ posts; \d+ pages rendered, 0 removed, \d+ left for the next sync/);
      for (const address of [`${slug}-again/`, '', 'tag/harbour/', 'author/ada-okafor/', 'feed/']) {
        assert.ok((await html(address)).text.includes(`${title} again`), `${title} again on /${address}`);
      }
      assert.match(await card(), /About Ada Okafor \(7 Articles\)/, 'her other articles wait');
    } finally {
      rmSync(waiting, { force: true });
    }
    const next = await sync(dir);
    assert.equal(next.status, 0, next.output);
    assert.match(next.output, /0 new, 0 changed, 0 gone, 0 moved of \d+ posts; \d+ pages rendered, 0 removed \(the first 0 in place/);
    assert.match(await card(), /About Ada Okafor \(8 Articles\)/);
    assert.match((await sync(dir)).output, /up to date/);
  });
});

describe('a site of static files, synced', () => {
  it('builds its pages again from its files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sync-static-'));
    try {
      cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
      const { status, output } = await sync(dir);
      assert.equal(status, 0, output);
      assert.match(output, /every page of data\/ \(static source\): \d+ pages, \d+ rendered, 0 removed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders every page again once its translation is edited, though its data is the same', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sync-french-'));
    const cache = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sync-cache-'));
    const skipLink = () => readFileSync(path.join(dir, 'harbour-redevelopment-explained/index.html'), 'utf-8')
      .match(/<a [^>]*class="skip-link"[^>]*>([^<]*)<\/a>/)[1];
    try {
      cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
      const site = path.join(dir, 'data/site.json');
      writeFileSync(site, JSON.stringify({ ...JSON.parse(readFileSync(site, 'utf-8')), language: 'fr' }));
      const first = await sync(dir, {}, ['--cache', cache]);
      assert.equal(first.status, 0, first.output);
      assert.equal(skipLink(), 'Aller au contenu');
      const unchanged = await sync(dir, {}, ['--cache', cache]);
      assert.match(unchanged.output, /: (\d+) pages, 0 rendered/, 'nothing changed: every page from the cache');
      const french = path.join(dir, 'translations/fr.json');
      writeFileSync(french, readFileSync(french, 'utf-8').replace('"Aller au contenu"', '"Aller à l’article"'));
      const edited = await sync(dir, {}, ['--cache', cache]);
      const [, pages, rendered] = edited.output.match(/: (\d+) pages, (\d+) rendered/);
      assert.equal(rendered, pages, edited.output);
      assert.equal(skipLink(), 'Aller à l’article');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
