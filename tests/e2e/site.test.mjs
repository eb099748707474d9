// The site's pages over the static source: the sample JSON files shipped in dist/data/, as the
// prerendered pages a reader gets, and as the full app draws them (for what was not prerendered, or
// a config.json changed since the build).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeSite } from './site-pages.mjs';
import {
  NOT_FOUND_LOG, ROOT, assertClean, heading, openPage, startServer, useSite,
} from './support.mjs';

const staticFiles = {
  // site.json names the public address.
  canonical: (_serverUrl, path) => `https://herald.example/${path}`,
  featuredImage: /\/data\/media\/images\/.+\.svg$/,
  rightToLeftLanguage: 'ar',
};

describeSite({ ...staticFiles, name: 'static files, prerendered', start: () => startServer(), prerendered: true });

describeSite({
  ...staticFiles,
  name: 'static files, drawn by the app',
  start: () => startServer({ config: 'client-rendered.json' }),
  // An article without comments has no comments file.
  noneLogs: [NOT_FOUND_LOG],
});

describe('a site whose sections have no articles', () => {
  // As a WordPress site with nothing but "Uncategorized": the section bar is empty, and the home
  // page is the plain list of the latest articles.
  let dir;
  const site = useSite(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-no-sections-'));
    cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    const file = path.join(dir, 'data/sections.json');
    const sections = JSON.parse(readFileSync(file, 'utf-8'));
    for (const section of sections.sections) section.article_count = 0;
    writeFileSync(file, JSON.stringify(sections));
    execFileSync(path.join(ROOT, 'scripts/configure'), [dir, '--static', 'data/'], { stdio: 'ignore' });
    const server = await startServer({ dir });
    return { ...server, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
  });

  it('lists the latest articles, with no section bar', async () => {
    const page = await openPage(site.browser);
    await page.goto(site.server.url);
    assert.equal(await heading(page), 'Latest news');
    assert.equal(await page.locator('main h1').getAttribute('class'), 'page-heading');
    assert.equal(await page.locator('.article-list .card').count(), 5);
    assert.equal(await page.locator('.front-page, .section-bar').count(), 0);
    await assertClean(page);
  });
});
