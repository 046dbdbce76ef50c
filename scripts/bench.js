// `npm run bench`: every benchmark of issue 19 in one run, written to bench-results/bench.json.
//   1. the bench files (packages/*/bench) in headless Chromium: each ratio against its baseline in
//      the same page, at 1x and 4x CPU (CDP Emulation.setCPUThrottlingRate), medians of alternating runs;
//   2. the built demo's first visit (fresh storage, 375 px) at 1x and 4x CPU: long tasks after first
//      paint and the boot task, from the page's own PerformanceObserver, median of 5 visits;
//   3. Lighthouse 12 (from npm, with this machine's Chromium), mobile preset, first visit (a fresh
//      profile each run), median of 3 runs.
// Not part of `npm test`. `npm run bench -- --only=files|visit|lighthouse` runs one part;
// other arguments go to web-test-runner (e.g. `--files packages/tag-editor/bench/*.ts`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from './chrome.js';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const VISITS = 5;
const LIGHTHOUSE_RUNS = 3;
const ROOT = new URL('../', import.meta.url).pathname;

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const wtrArgs = args.filter((a) => !a.startsWith('--only='));
const parts = new Set(only ? only.split(',') : ['files', 'visit', 'lighthouse']);
const chrome = ensureChrome();
const results = [];
let failedToRun = false;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/* ------------------------------------------------------------ 1. bench files */

function runBenchFiles() {
  const result = spawnSync('npx', ['web-test-runner', '--config', 'web-test-runner.bench.config.js', ...wtrArgs], {
    encoding: 'utf8',
    env: { ...process.env, CHROME_PATH: chrome },
    maxBuffer: 64 * 1024 * 1024,
    cwd: ROOT,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const seen = new Set();
  for (const match of output.matchAll(/BENCH (\{.*\})/g)) {
    if (seen.has(match[1])) continue;
    seen.add(match[1]);
    try {
      results.push(JSON.parse(match[1]));
    } catch {
      /* a line cut by the runner's log formatting */
    }
  }
  if (result.status !== 0 || seen.size === 0) {
    console.log(output);
    console.error(seen.size === 0 ? 'No benchmark printed a result.' : 'A benchmark failed.');
    failedToRun = true;
  }
}

/* ------------------------------------------------------------ the built demo, served */

function buildDemo() {
  const built = spawnSync('node', ['scripts/build-demo.js'], { stdio: 'inherit', cwd: ROOT });
  if (built.status !== 0) throw new Error('the demo build failed');
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves demo/dist on loopback, gzip-compressed as any CDN would. */
async function serveDemo() {
  const root = join(ROOT, 'demo/dist');
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
      } else res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/* ------------------------------------------------------------ 2. first visit, long tasks */

/** Collected in the page from its start: long tasks and paints. */
const OBSERVE = () => {
  const perf = { longTasks: [], paints: [], frames: [] };
  window.__benchPerf = perf;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) perf.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames also count the rendering (style, layout, paint) that follows a task, which
  // the longtask entries leave out; reported beside the boot task so that a split of it does not flatter.
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) perf.frames.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) perf.paints.push({ name: entry.name, start: entry.startTime });
  }).observe({ type: 'paint', buffered: true });
};

async function firstVisits(url) {
  const browser = await chromium.launch({
    executablePath: chrome,
    args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
  });
  try {
    for (const cpu of [1, 4]) {
      const visits = [];
      for (let visit = 0; visit < VISITS; visit++) {
        // A new context is a fresh profile: empty IndexedDB and localStorage, a true first visit.
        const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
        await page.addInitScript(OBSERVE);
        const started = Date.now();
        await page.goto(url);
        // Seeded and shown: the first screen (Today) with the associate's tasks and their customers' names.
        await page.locator('cl-task-list [part~="task"]').first().waitFor({ timeout: 120_000 });
        await page.locator('cl-task-list [part~="customer"]').first().waitFor();
        const shownMs = Date.now() - started;
        await page.waitForTimeout(1000); // whatever the first visit still does after showing its data
        const perf = await page.evaluate(() => window.__benchPerf);
        await context.close();
        const firstPaint = perf.paints.find((p) => p.name === 'first-contentful-paint')?.start ?? Infinity;
        const before = perf.longTasks.filter((t) => t.start < firstPaint);
        const after = perf.longTasks.filter((t) => t.start >= firstPaint);
        visits.push({
          firstPaint,
          shownMs,
          bootTask: Math.max(0, ...before.map((t) => t.duration)),
          bootFrame: Math.max(0, ...perf.frames.filter((f) => f.start < firstPaint).map((f) => f.duration)),
          longestAfterPaint: Math.max(0, ...after.map((t) => t.duration)),
          tasksOver50AfterPaint: after.filter((t) => t.duration > 50).length,
          blockingAfterPaint: after.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
        });
      }
      const of = (key) => median(visits.map((v) => v[key]));
      const common = { cpu, runs: VISITS };
      results.push(
        { name: 'demo first visit: first contentful paint', value: of('firstPaint'), unit: 'ms', ...common },
        { name: 'demo first visit: data shown (seeded)', value: of('shownMs'), unit: 'ms', ...common },
        {
          name: 'demo first visit: boot task (longest before first paint)',
          value: of('bootTask'),
          unit: 'ms',
          ...(cpu === 4 ? { target: 150 } : {}),
          ...common,
        },
        {
          name: 'demo first visit: longest animation frame before first paint (its task and rendering)',
          value: of('bootFrame'),
          unit: 'ms',
          ...common,
        },
        {
          name: 'demo first visit: longest task after first paint',
          value: of('longestAfterPaint'),
          unit: 'ms',
          ...(cpu === 4 ? { target: 50 } : {}),
          ...common,
        },
        {
          name: 'demo first visit: tasks over 50 ms after first paint',
          value: of('tasksOver50AfterPaint'),
          unit: 'count',
          ...(cpu === 4 ? { target: 0 } : {}),
          ...common,
        },
        {
          name: 'demo first visit: blocking time after first paint',
          value: of('blockingAfterPaint'),
          unit: 'ms',
          ...common,
        },
      );
    }
  } finally {
    await browser.close();
  }
}

/* ------------------------------------------------------------ 3. Lighthouse */

/** Runs a command without blocking this process (which serves the demo meanwhile). */
const runAsync = (command, commandArgs, options) =>
  new Promise((resolve) => {
    const child = spawn(command, commandArgs, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on('close', (status) => resolve({ status, stderr }));
  });

async function lighthouseRuns(url) {
  const runs = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    const profile = mkdtempSync(join(tmpdir(), 'cl-lighthouse-'));
    const report = join(profile, 'report.json');
    const flags = [...CHROME_ARGS, `--user-data-dir=${profile}`].join(' ');
    const result = await runAsync(
      'npx',
      [
        '--yes',
        LIGHTHOUSE,
        url,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${report}`,
        '--quiet',
        `--chrome-flags=${flags}`,
      ],
      { env: { ...process.env, CHROME_PATH: chrome } },
    );
    try {
      if (result.status !== 0) throw new Error(result.stderr.slice(-2000));
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      runs.push({
        score: lhr.categories.performance.score * 100,
        tbt: audit('total-blocking-time'),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        bootup: audit('bootup-time'),
        mainThread: audit('mainthread-work-breakdown'),
      });
    } catch (error) {
      console.error(`Lighthouse run ${run + 1} failed: ${error.message}`);
      failedToRun = true;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  if (!runs.length) return;
  const of = (key) => median(runs.map((r) => r[key]));
  const common = { runs: runs.length, preset: 'mobile (simulated slow 4G, 4x CPU)' };
  results.push(
    { name: 'Lighthouse first visit: performance score', value: of('score'), unit: 'score', atLeast: 95, ...common },
    { name: 'Lighthouse first visit: total blocking time', value: of('tbt'), unit: 'ms', target: 150, ...common },
    { name: 'Lighthouse first visit: first contentful paint', value: of('fcp'), unit: 'ms', ...common },
    { name: 'Lighthouse first visit: largest contentful paint', value: of('lcp'), unit: 'ms', ...common },
    { name: 'Lighthouse first visit: JavaScript boot-up time', value: of('bootup'), unit: 'ms', ...common },
    { name: 'Lighthouse first visit: main-thread work', value: of('mainThread'), unit: 'ms', ...common },
  );
}

/* ------------------------------------------------------------ run, print, write */

if (parts.has('files')) runBenchFiles();
if (parts.has('visit') || parts.has('lighthouse')) {
  buildDemo();
  const { server, url } = await serveDemo();
  try {
    if (parts.has('visit')) await firstVisits(url);
    if (parts.has('lighthouse')) await lighthouseRuns(url);
  } finally {
    server.close();
  }
}

const fmt = (v) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : String(v ?? ''));
const verdict = (r) => {
  if (r.atLeast !== undefined) return r.value >= r.atLeast ? '✔' : '✖';
  if (r.target !== undefined) return r.value <= r.target ? '✔' : '✖';
  return '';
};
const goal = (r) =>
  r.atLeast !== undefined ? `≥ ${fmt(r.atLeast)}` : r.target !== undefined ? `≤ ${fmt(r.target)}` : '';
console.log(
  `\n${'benchmark'.padEnd(70)} ${'cpu'.padStart(3)} ${'value'.padStart(9)} ${'unit'.padEnd(6)} ${'target'.padStart(9)}  ok`,
);
for (const r of results) {
  const cpu = r.cpu ? `${r.cpu}x` : '';
  console.log(
    `${String(r.name).slice(0, 70).padEnd(70)} ${cpu.padStart(3)} ${fmt(r.value).padStart(9)} ${String(r.unit ?? '').padEnd(6)} ${goal(r).padStart(9)}  ${verdict(r)}`,
  );
}
const missed = results.filter((r) => verdict(r) === '✖');
console.log(`\n${results.length} results, ${missed.length} over target.`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench-results/bench.json'),
  JSON.stringify({ date: new Date().toISOString(), chrome, cores: cpus().length, results }, null, 2),
);
console.log('Written to bench-results/bench.json');
if (failedToRun) process.exit(1);
