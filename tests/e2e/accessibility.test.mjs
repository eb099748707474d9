// axe-core over every kind of page, in the light and the dark colour scheme: landmarks,
// heading order, names, contrast and the rest of WCAG 2.1 A/AA and axe's best practices.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, heading, launchBrowser, openPage, startServer } from './support.mjs';

let server;
let faultyServer;
let browser;
let axeSource;
before(async () => {
  server = await startServer();
  faultyServer = await startServer({ faults: true, config: 'status-500.json' });
  browser = await launchBrowser();
  axeSource = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await faultyServer?.stop();
});

async function violations(page) {
  // The ticker at the start of its loop, as every reader first sees it. Moving, a headline may
  // be anywhere, and axe, which does not see that the ticker's viewport clips its track, would
  // judge the part of a headline hidden under the Pause button by where the loop happens to be.
  await page.evaluate(() => document.getAnimations().forEach((animation) => {
    animation.pause();
    animation.currentTime = 0;
  }));
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits for the ticker's headlines (or its word that there are none). */
async function tickerLoaded(page) {
  await page.waitForFunction(() => document.querySelector('.ticker-track, .ticker-status:not(:empty)')
    && !document.querySelector('.ticker-status')?.textContent.startsWith('Loading'));
}

for (const colorScheme of ['light', 'dark']) {
  describe(`accessibility, ${colorScheme} scheme`, () => {
    for (const [what, pagePath] of [
      ['home page', ''],
      ['article', 'harbour-redevelopment-explained/'],
      ['right-to-left article', 'fish-market-dawn-ar/'],
      ['tag page', 'tag/harbour/page/2/'],
      ['author page', 'author/yusuf-haddad/'],
      ['not-found page', 'no-such-page/'],
    ]) {
      it(`finds nothing on the ${what}`, async () => {
        const page = await openPage(browser, { colorScheme });
        await page.goto(`${server.url}${pagePath}`);
        await heading(page);
        await tickerLoaded(page);
        assert.deepEqual(await violations(page), []);
      });
    }

    it('finds nothing on the ticker embed', async () => {
      const page = await openPage(browser, { colorScheme });
      await page.goto(`${server.url}embed/ticker/`);
      await tickerLoaded(page);
      assert.deepEqual(await violations(page), []);
    });

    it('finds nothing on the error view', async () => {
      const page = await openPage(browser, { colorScheme });
      await page.goto(faultyServer.url);
      assert.equal(await heading(page), 'The news server had a problem');
      assert.deepEqual(await violations(page), []);
    });
  });
}
