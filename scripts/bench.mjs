// Runs Lighthouse on Broadsheet's release build and on WordPress's own theme, in pairs; see scripts/bench.
//   node scripts/bench.mjs WORDPRESS_URL ARTICLE_SLUG [WORDPRESS_DIST]
// WORDPRESS_DIST: a build configured to prerender from WORDPRESS_URL, which adds the third pair.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 3;
const [wordpress, slug, wordpressDist] = process.argv.slice(2);
if (!wordpress || !slug) {
  console.error('usage: node scripts/bench.mjs WORDPRESS_URL ARTICLE_SLUG [WORDPRESS_DIST]');
  process.exit(2);
}

/** broadsheet-serve over a built folder on a free port, with compression and the folder's _headers. */
async function serve(dir) {
  const child = spawn(path.join(ROOT, 'target/release/broadsheet-serve'), ['--dir', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url] = await once(createInterface({ input: child.stdout }), 'line');
  return { url: url.trim(), stop: () => child.kill() };
}

/** One cold Lighthouse run in a fresh headless Chromium. */
async function measure(url) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    userDataDir: profile,
    chromeFlags: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json' });
    if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}` };
    const audit = (id) => lhr.audits[id].numericValue;
    const score = (id) => Math.round((lhr.categories[id].score ?? 0) * 100);
    return {
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      // No longer part of the performance score, but still computed.
      tti: lhr.audits.interactive?.numericValue ?? lhr.audits.metrics.details.items[0].interactive,
      cls: audit('cumulative-layout-shift'),
      bytes: audit('total-byte-weight'),
      requests: lhr.audits['network-requests'].details.items.length,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
    };
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median of each figure over RUNS runs, or { error } when a run was not scored. */
async function medians(url) {
  // Untimed: the servers' first answer (PHP's opcode cache, the database's buffers) is not what a reader meets.
  await fetch(url).then((response) => response.arrayBuffer()).catch(() => {});
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await measure(url));
  const failed = runs.find((result) => result.error);
  if (failed) {
    // A static host answers a deep link with 404.html and status 404 until pages are prerendered.
    const why = failed.error === 'ERRORED_DOCUMENT_REQUEST' ? ' (the page came with an error status)' : '';
    return { error: `not scored: ${failed.error}${why}` };
  }
  const result = {};
  for (const key of Object.keys(runs[0])) result[key] = median(runs.map((run) => run[key]));
  return result;
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${Math.round(ms)} ms`;
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const COLUMNS = [
  ['LCP', 'lcp', seconds, millis],
  ['TBT', 'tbt', millis, millis],
  ['TTI', 'tti', seconds, millis],
  ['CLS', 'cls', (value) => value.toFixed(3)],
  ['bytes', 'bytes', kilobytes, kilobytes],
  ['requests', 'requests', String, String],
  ['perf', 'performance', String],
  ['a11y', 'accessibility', String],
  ['best', 'bestPractices', String],
  ['SEO', 'seo', String],
];

function figures(name, result) {
  if (result.error) return [name, result.error];
  return [name, ...COLUMNS.map(([, key, format]) => format(result[key]))];
}

/** Broadsheet's figure over WordPress's; where WordPress's is 0, the difference instead. */
function ratios(broadsheet, wordpressResult) {
  const name = 'Broadsheet / WordPress';
  if (broadsheet.error || wordpressResult.error) return [name, 'no ratio: a page was not scored'];
  return [name, ...COLUMNS.map(([, key, , difference]) => {
    if (!difference) return '';
    const [ours, theirs] = [broadsheet[key], wordpressResult[key]];
    if (theirs === 0) return `${ours - theirs >= 0 ? '+' : '-'}${difference(Math.abs(ours - theirs))}`;
    return `${(ours / theirs).toFixed(2)}x`;
  })];
}

const site = await serve(path.join(ROOT, 'dist'));
const fromWordPress = wordpressDist ? await serve(path.resolve(wordpressDist)) : null;
const pairs = [
  ['Article: Broadsheet from its own data/ vs WordPress',
    ['Broadsheet article', `${site.url}${slug}/`], ['WordPress article', `${wordpress}${slug}/`]],
  ['Home page', ['Broadsheet home', site.url], ['WordPress home', wordpress]],
];
if (fromWordPress) {
  pairs.push(['Article: Broadsheet prerendered from this WordPress vs WordPress',
    ['Broadsheet article (from WordPress)', `${fromWordPress.url}${slug}/`], ['WordPress article', `${wordpress}${slug}/`]]);
}
// A page in two pairs (WordPress's article) is measured once.
const results = new Map();
try {
  for (const [, ...sides] of pairs) {
    for (const [, url] of sides) {
      if (!results.has(url)) results.set(url, await medians(url));
    }
  }
} finally {
  site.stop();
  fromWordPress?.stop();
}

const header = ['page', ...COLUMNS.map(([title]) => title)];
const blocks = pairs.map(([title, [ourName, ourUrl], [theirName, theirUrl]]) => {
  const [ours, theirs] = [results.get(ourUrl), results.get(theirUrl)];
  return { title, rows: [figures(ourName, ours), figures(theirName, theirs), ratios(ours, theirs)] };
});
// A row that was not scored has its name and a message, which takes no column's width.
const rows = blocks.flatMap((block) => block.rows);
const widths = header.map((_, column) => Math.max(
  header[column].length,
  ...rows.filter((row) => column === 0 || row.length > 2).map((row) => row[column].length),
));
const line = (row) => (row.length === 2
  ? `${row[0].padEnd(widths[0])}  ${row[1]}`
  : row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());

console.log(`Lighthouse mobile, median of ${RUNS} cold runs each (${slug})`);
console.log(`Broadsheet: broadsheet-serve (brotli or gzip, _headers); WordPress: ${wordpress} (nginx + php-fpm, gzip)`);
console.log('Ratios are Broadsheet / WordPress (below 1: Broadsheet smaller or faster); +N where WordPress has 0.');
for (const block of blocks) {
  console.log('');
  console.log(block.title);
  console.log(line(header));
  for (const row of block.rows) console.log(line(row));
}
