// What a reader sees when the data server or the site's configuration misbehaves: each failure
// has its own clear message, and Retry recovers once the server does.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NOT_FOUND_LOG, assertClean, heading, openPage, useSite, withSite,
} from './support.mjs';

// A browser for this file's tests; each serves the release build with a fault of its own.
const site = useSite(null);

describe('data server failures', () => {
  it('explains an HTTP 500 and offers Retry', async () => {
    await withSite({ faults: true, config: 'status-500.json' }, async (server) => {
      const page = await openPage(site.browser);
      await page.goto(`${server.url}harbour-redevelopment-explained/`);
      assert.equal(await heading(page), 'The news server had a problem');
      assert.match(await page.locator('.error-view').textContent(), /HTTP 500/);
      assert.equal(await page.locator('.error-view').getAttribute('role'), 'alert');
      assert.equal(await page.getByRole('button', { name: 'Retry' }).count(), 1);
      assert.equal(await page.title(), 'The news server had a problem');
      await assertClean(page, /status of 500/);
    });
  });

  it('tells damaged data apart', async () => {
    await withSite({ faults: true, config: 'malformed.json' }, async (server) => {
      const page = await openPage(site.browser);
      await page.goto(`${server.url}tag/harbour/`);
      assert.equal(await heading(page), 'This page’s data is damaged');
      assert.match(await page.locator('.error-detail').textContent(), /damaged/);
      await assertClean(page);
    });
  });

  it('shows a skeleton while waiting, then says the server is not answering', async () => {
    await withSite({ faults: true, config: 'hang.json' }, async (server) => {
      const page = await openPage(site.browser);
      await page.goto(server.url);
      await page.locator('.skeleton-listing[aria-busy="true"]').waitFor({ state: 'visible', timeout: 5000 });
      assert.ok(await page.locator('.progress-bar.active').count() === 1, 'progress bar runs while loading');
      assert.equal(await heading(page), 'The news server is not answering');
      assert.equal(await page.locator('.progress-bar.active').count(), 0);
      await assertClean(page);
    });
  });

  it('recovers with Retry once the server answers again', async () => {
    await withSite({ faults: true, config: 'outage.json' }, async (server) => {
      const page = await openPage(site.browser);
      await page.goto(`${server.url}author/ada-okafor/`);
      assert.equal(await heading(page), 'The news server had a problem');
      const retryAnswered = () => page.waitForResponse((response) => response.url().includes('/__faults/outage/'));
      await Promise.all([retryAnswered(), page.getByRole('button', { name: 'Retry' }).click()]);
      assert.equal(await heading(page), 'The news server had a problem', 'still down: the same message');
      assert.equal((await fetch(`${server.url}__faults/recover`)).status, 200);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('heading', { level: 1, name: 'Articles by Ada Okafor' }).waitFor();
      assert.equal(await page.locator('.author-card h2').textContent(), 'About Ada Okafor (7 Articles)');
      assert.equal(await page.locator('.error-view').count(), 0);
      await assertClean(page, /status of 500/);
    });
  });

  it('cannot be reached at all: says so', async () => {
    // The full app, which navigates on its own: a prerendered page's links are page loads.
    await withSite({ config: 'client-rendered.json' }, async (unreachable) => {
      const page = await openPage(site.browser);
      await page.goto(unreachable.url);
      await heading(page);
      await unreachable.stop();
      await page.getByRole('link', { name: 'Older →' }).click();
      assert.equal(await heading(page), 'Can’t reach the news server');
      assert.equal(await page.getByRole('button', { name: 'Retry' }).count(), 1);
    });
  });
});

describe('site configuration', () => {
  // Each with the message it names, and the console errors its answer makes the browser log.
  for (const [what, config, expected, ...logged] of [
    ['missing', 'missing.json', /config\.json could not be loaded from .*config\.json: HTTP 404/, NOT_FOUND_LOG],
    ['not JSON', 'not-json.json', /config\.json is not valid JSON/],
    ['of an unknown kind', 'unknown-kind.json', /source\.kind "wordpres" is unknown; this build reads "static"/],
  ]) {
    it(`names the problem when config.json is ${what}`, async () => {
      await withSite({ faults: true, config }, async (server) => {
        const page = await openPage(site.browser);
        await page.goto(server.url);
        assert.equal(await heading(page), 'This site is not set up correctly');
        assert.match(await page.locator('.config-error .error-detail').textContent(), expected);
        assert.equal(await page.getByRole('button', { name: 'Retry' }).count(), 1);
        await assertClean(page, ...logged);
      });
    });
  }
});
