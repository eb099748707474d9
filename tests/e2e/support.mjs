// Shared pieces of the end-to-end tests: a real static server (broadsheet-serve, axum +
// tower-http) over the release build, and headless Chromium driven by playwright-core.

import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(ROOT, 'target/release/broadsheet-serve');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * What the tests have opened and not yet closed, oldest first: browser contexts (openPage) and
 * browsers (launchBrowser). Each scope that opens things (a test, withSite) closes what was opened
 * within it, so that no page goes on running, or reading a server, once its test is over.
 */
const opened = new Set();

function track(closable) {
  opened.add(closable);
  closable.on('close', () => opened.delete(closable));
  closable.on('disconnected', () => opened.delete(closable));
  return closable;
}

/** Closes, newest first, what was opened since `earlier` (a copy of `opened` taken before). */
async function closeOpenedSince(earlier) {
  for (const closable of [...opened].reverse()) {
    if (!earlier.has(closable)) await closable.close();
  }
}

/**
 * Starts a site: `start` is startServer's options, or a function that starts a site itself (such
 * as startWordPressSite). Resolves to `{ url, stop }`, and whatever else `start` adds.
 */
function serve(start) {
  return typeof start === 'function' ? start() : startServer(start);
}

/**
 * A site (`start` as serve's) for the tests of the file or `describe` this is called in: started
 * before them, stopped after them. Returns an object that gets the site's `url` and `stop` once
 * it runs.
 */
export function useServer(start = {}) {
  const server = {};
  before(async () => {
    Object.assign(server, await serve(start));
  });
  after(async () => {
    await server.stop?.();
  });
  return server;
}

/**
 * A browser, and a site (`start` as serve's, or null for none), for the tests of the file or
 * `describe` this is called in: started before them, stopped after them. What each test opens
 * (pages, browsers) is closed as it ends. Returns `{ browser, server }`, filled in once they run.
 */
export function useSite(start = {}) {
  const site = {};
  before(async () => {
    site.browser = await launchBrowser();
  });
  if (start !== null) site.server = useServer(start);
  after(async () => {
    await site.browser?.close();
  });
  let openBeforeTest;
  beforeEach(() => {
    openBeforeTest = new Set(opened);
  });
  afterEach(() => closeOpenedSince(openBeforeTest));
  return site;
}

/**
 * Runs `fn(site)` with a site (`start` as serve's) for it alone; then closes what fn opened and
 * stops the site, even when fn throws, so that nothing is left reading a site that is gone.
 */
export async function withSite(start, fn) {
  const site = await serve(start);
  const openBeforeFn = new Set(opened);
  try {
    return await fn(site);
  } finally {
    await closeOpenedSince(openBeforeFn);
    await site.stop();
  }
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
      // Once only: a stopped server has an exit code, or the signal that ended it.
      if (child.exitCode === null && child.signalCode === null) {
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

/** Runs scripts/wordpress with `args`, quietly; returns what it prints (its errors, if it fails). */
export function wordpress(...args) {
  return execFileSync(path.join(ROOT, 'scripts/wordpress'), args, { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs `fn()` with the test WordPress's option `name` set to `value`, and then sets it back to
 * what it was (empty if it was not set), even when fn throws.
 */
export async function withWordPressOption(name, value, fn) {
  let was = '';
  try {
    was = wordpress('option', name).trim();
  } catch (error) {
    if (error.status !== 1) throw error; // 1: not set
  }
  wordpress('option', name, value);
  try {
    return await fn();
  } finally {
    wordpress('option', name, was);
  }
}

/**
 * Runs PHP `code` inside the test WordPress (loaded by scripts/wordpress.d/bootstrap.php, as
 * scripts/wordpress's own helpers are) and returns what it prints: how a test publishes, changes and
 * deletes posts of its own (it must delete them, with force, even when it fails).
 */
export function wordpressPhp(code) {
  const bootstrap = JSON.stringify(path.join(ROOT, 'scripts/wordpress.d/bootstrap.php'));
  return execFileSync('php', ['-d', 'display_errors=stderr', '-d', 'log_errors=Off', '-r', `require ${bootstrap}; ${code}`], {
    encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/**
 * Serves a copy of the release build whose sample site is in `language` (written `direction`), its
 * pages prerendered again, as a site owner would set it in site.json. Resolves to { url, stop }.
 */
export async function startSiteIn(language, direction) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `broadsheet-${language}-`));
  cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  const file = path.join(dir, 'data/site.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf-8')), language, direction }));
  execFileSync(path.join(ROOT, 'scripts/configure'), [dir, '--static', 'data/'], { stdio: 'ignore' });
  const server = await startServer({ dir });
  return { ...server, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** The sample's sections in the order of its sections.json, which is its section bar's. */
export const SAMPLE_SECTIONS = ['news', 'business', 'sport', 'culture', 'environment'];

/**
 * The release build reading the test WordPress, five articles a page like the static sample, and its
 * section bar in the sample's order; `extra` arguments for scripts/configure replace those it names.
 */
export async function startWordPressSite(extra = []) {
  const wordpress = startWordPress();
  const site = await startConfiguredSite([
    '--wordpress', `${wordpress}wp-json/`, '--per-page', '5', '--language', 'en-GB', '--sections', SAMPLE_SECTIONS.join(','), ...extra,
  ]);
  return { ...site, wordpress };
}

/**
 * Headless Chromium; `backForwardCache` keeps the back/forward cache, which Playwright turns off.
 * Launched by a test, it is closed when the test ends.
 */
export async function launchBrowser({ backForwardCache = false } = {}) {
  return track(await chromium.launch({
    executablePath: CHROMIUM,
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : [],
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  }));
}

/**
 * Opens a page, in a context of its own, that records what would show a reader something is wrong:
 * uncaught errors, console errors and Content-Security-Policy violations. It is closed when the test
 * (or the withSite) that opened it ends.
 */
export async function openPage(browser, options = {}) {
  const context = track(await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options }));
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
    problems.consoleErrors.push(message.text());
    if (/Content Security Policy/i.test(message.text())) problems.cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    if (/\/data\/|\/wp-json\//.test(new URL(request.url()).pathname)) problems.dataRequests.push(request.url());
  });
  page.problems = problems;
  return page;
}

/**
 * What the browser logs for anything answered with status 404: for assertClean, where a test
 * visits what is not there (a deep link that a site without prerendered pages answers with
 * 404.html, for the app to draw; a page or a data file that is not found).
 */
export const NOT_FOUND_LOG = /the server responded with a status of 404/;

/**
 * Asserts that nothing went wrong on the page: no uncaught error, no Content-Security-Policy
 * violation, and no console error but those `expected`, patterns of the errors the test itself
 * provokes (such as /status of 500/ from a server made to fail). CSP violations are never expected.
 */
export async function assertClean(page, ...expected) {
  const inPage = await page.evaluate(() => window.__cspViolations || []);
  assert.deepEqual([...page.problems.cspViolations, ...inPage], [], 'Content-Security-Policy violations');
  assert.deepEqual(page.problems.pageErrors, [], 'uncaught errors');
  const unexpected = page.problems.consoleErrors.filter((text) => !expected.some((pattern) => pattern.test(text)));
  assert.deepEqual(unexpected, [], 'console errors');
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

/**
 * axe-core's findings on `scope` (a selector; the whole document by default) against WCAG 2.2 A/AA
 * and axe's best practices, one line each.
 */
export async function axeViolations(page, scope = null) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  axeSource ??= await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate((context) => window.axe.run(context ?? document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  }), scope);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
let axeSource;

export async function meta(page, selector) {
  return page.locator(`head ${selector}`).first().getAttribute('content');
}
