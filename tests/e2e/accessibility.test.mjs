// axe-core over every kind of page, in the light and the dark colour scheme: landmarks,
// heading order, names, contrast and the rest of WCAG 2.1 A/AA and axe's best practices.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, heading, openPage, useServer, useSite } from './support.mjs';

const site = useSite();
const faulty = useServer({ faults: true, config: 'status-500.json' });

async function violations(page) {
  // The ticker at the start of its loop, as every reader first sees it. Moving, a headline may
  // be anywhere, and axe, which does not see that the ticker's viewport clips its track, would
  // judge the part of a headline hidden under the Pause button by where the loop happens to be.
  await page.evaluate(() => document.getAnimations().forEach((animation) => {
    animation.pause();
    animation.currentTime = 0;
  }));
  return axeViolations(page);
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
      ['search page with results', 'search/?q=harbour'],
      ['not-found page', 'no-such-page/'],
    ]) {
      it(`finds nothing on the ${what}`, async () => {
        const page = await openPage(site.browser, { colorScheme });
        await page.goto(`${site.server.url}${pagePath}`);
        await heading(page);
        await tickerLoaded(page);
        assert.deepEqual(await violations(page), []);
      });
    }

    it('finds nothing on the ticker embed', async () => {
      const page = await openPage(site.browser, { colorScheme });
      await page.goto(`${site.server.url}embed/ticker/`);
      await tickerLoaded(page);
      assert.deepEqual(await violations(page), []);
    });

    it('finds nothing on the error view', async () => {
      const page = await openPage(site.browser, { colorScheme });
      await page.goto(faulty.url);
      assert.equal(await heading(page), 'The news server had a problem');
      assert.deepEqual(await violations(page), []);
    });
  });
}
