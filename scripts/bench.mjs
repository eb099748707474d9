// Runs Lighthouse on Broadsheet's release build and on WordPress's own theme; see scripts/bench.
//   node scripts/bench.mjs WORDPRESS_URL ARTICLE_SLUG

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
const [wordpress, slug] = process.argv.slice(2);

/** broadsheet-serve over dist/ on a free port, with compression and the shipped _headers. */
async function serveDist() {
  const child = spawn(path.join(ROOT, 'target/release/broadsheet-serve'), ['--dir', path.join(ROOT, 'dist'), '--port', '0'], {
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

const site = await serveDist();
const pages = [
  ['Broadsheet article', `${site.url}${slug}/`],
  ['WordPress article', `${wordpress}${slug}/`],
  ['Broadsheet home', site.url],
  ['WordPress home', wordpress],
];
const rows = [];
try {
  for (const [name, url] of pages) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await measure(url));
    const failed = runs.find((result) => result.error);
    if (failed) {
      // A static host answers a deep link with 404.html and status 404 until pages are prerendered.
      const why = failed.error === 'ERRORED_DOCUMENT_REQUEST' ? ' (the page came with an error status)' : '';
      rows.push([name, `not scored: ${failed.error}${why}`]);
      continue;
    }
    const of = (key) => median(runs.map((result) => result[key]));
    rows.push([
      name,
      `${(of('lcp') / 1000).toFixed(2)} s`, `${Math.round(of('tbt'))} ms`, of('cls').toFixed(3),
      `${(of('bytes') / 1024).toFixed(1)} KB`, `${of('requests')}`,
      `${of('performance')}`, `${of('accessibility')}`, `${of('bestPractices')}`, `${of('seo')}`,
    ]);
  }
} finally {
  site.stop();
}
console.log(`Lighthouse mobile, median of ${RUNS} cold runs each (${slug})`);
const header = ['page', 'LCP', 'TBT', 'CLS', 'bytes', 'requests', 'perf', 'a11y', 'best', 'SEO'];
// A row that was not scored has its name and a message, which takes no column's width.
const width = (column) => Math.max(
  header[column].length,
  ...rows.filter((row) => column === 0 || row.length > 2).map((row) => row[column].length),
);
const widths = header.map((_, column) => width(column));
for (const row of [header, ...rows]) {
  console.log(row.length === 2 ? `${row[0].padEnd(widths[0])}  ${row[1]}` : row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
}
