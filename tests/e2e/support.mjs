// Shared pieces of the end-to-end tests: a real static server (broadsheet-serve, axum +
// tower-http) over the release build, and headless Chromium driven by playwright-core.

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(ROOT, 'target/release/broadsheet-serve');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * A browser and a server over the release build for a test file's tests: started before them,
 * stopped after. Returns `{ browser, server }`, filled in once they run.
 */
export function useSite(serverOptions) {
  const site = {};
  before(async () => {
    site.browser = await launchBrowser();
    site.server = await startServer(serverOptions);
  });
  after(async () => {
    await site.server?.stop();
    await site.browser?.close();
  });
  return site;
}

/** Starts broadsheet-serve on a free loopback port; resolves to { url, stop }. */
export async function startServer({ dir = 'dist', base = '/', config, faults = false } = {}) {
  const args = ['--dir', path.resolve(ROOT, dir), '--port', '0', '--base', base];
  if (config) args.push('--config', path.join(ROOT, 'tests/e2e/configs', config));
  if (faults) args.push('--faults');
  const child = spawn(SERVER, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => { throw new Error(`broadsheet-serve exited with ${code}`); }),
  ]);
  return {
    url: first.trim(),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    },
  };
}

/** Starts (or reuses) the test WordPress (scripts/wordpress); resolves to its address. */
export function startWordPress() {
  const output = execFileSync(path.join(ROOT, 'scripts/wordpress'), ['start'], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'inherit'] });
  const wordpress = output.trim().split('\n').pop().trim();
  assert.match(wordpress, /^http:\/\/127\.0\.0\.1:\d+\/$/, 'scripts/wordpress start prints the site address last');
  return wordpress;
}

/**
 * Serves a copy of the release build pointed at a source by `scripts/configure ARGS`, as a site
 * owner would configure it: config.json and the Content-Security-Policy. Resolves to { url, stop }.
 */
export async function startConfiguredSite(configureArgs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-dist-'));
  cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  execFileSync(path.join(ROOT, 'scripts/configure'), [dir, ...configureArgs], { stdio: 'ignore' });
  const server = await startServer({ dir });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The release build reading the test WordPress, five articles a page like the static sample. */
export async function startWordPressSite() {
  const wordpress = startWordPress();
  const site = await startConfiguredSite(['--wordpress', `${wordpress}wp-json/`, '--per-page', '5', '--language', 'en-GB']);
  return { ...site, wordpress };
}

/** Headless Chromium; `backForwardCache` keeps the back/forward cache, which Playwright turns off. */
export async function launchBrowser({ backForwardCache = false } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * Opens a page that records what would show a reader something is wrong: uncaught errors,
 * console errors and Content-Security-Policy violations.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = { pageErrors: [], consoleErrors: [], cspViolations: [], dataRequests: [] };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A deep link on a static host is answered by 404.html with status 404, and a missing
    // data file is how "not found" is told; the browser logs both. Neither is a fault.
    if (/status of 404/.test(message.text())) return;
    problems.consoleErrors.push(message.text());
    if (/Content Security Policy/i.test(message.text())) problems.cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    if (/\/data\/|\/wp-json\//.test(new URL(request.url()).pathname)) problems.dataRequests.push(request.url());
  });
  page.problems = problems;
  return page;
}

/** Asserts that nothing went wrong on the page: no uncaught error, console error or CSP violation. */
export async function assertClean(page) {
  const inPage = await page.evaluate(() => window.__cspViolations || []);
  assert.deepEqual([...page.problems.cspViolations, ...inPage], [], 'Content-Security-Policy violations');
  assert.deepEqual(page.problems.pageErrors, [], 'uncaught errors');
  assert.deepEqual(page.problems.consoleErrors, [], 'console errors');
}

/**
 * Waits until the page has settled and returns its main heading: a prerendered page once its script
 * has found the page current (`data-page`), the app's page once the app runs it (`data-app`) and no
 * data request is under way and no region is loading. While a route's next data loads, the previous
 * page deliberately stays on screen, so reading the heading any earlier could read the page being left.
 */
export async function heading(page) {
  await page.waitForFunction(
    () => (document.documentElement.dataset.app || document.documentElement.dataset.page) && !document.querySelector('.progress-bar.active, [aria-busy="true"], #boot') && document.querySelector('main h1'),
    null,
    { timeout: 15000 },
  );
  const h1 = page.locator('main h1').first();
  await h1.waitFor({ state: 'visible', timeout: 15000 });
  return (await h1.textContent()).trim();
}

export async function meta(page, selector) {
  return page.locator(`head ${selector}`).first().getAttribute('content');
}
