// `npm run bench`: runs every bench file in headless Chromium, collects the `BENCH {json}` lines they
// print, shows one table and writes bench-results/bench.json. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureChrome } from './chrome.js';

const chrome = ensureChrome();
const result = spawnSync(
  'npx',
  ['web-test-runner', '--config', 'web-test-runner.bench.config.js', ...process.argv.slice(2)],
  {
    encoding: 'utf8',
    env: { ...process.env, CHROME_PATH: chrome },
    maxBuffer: 64 * 1024 * 1024,
  },
);
const output = `${result.stdout}\n${result.stderr}`;
const rows = [];
for (const match of output.matchAll(/BENCH (\{.*\})/g)) {
  try {
    rows.push(JSON.parse(match[1]));
  } catch {
    /* a line cut by the runner's log formatting */
  }
}
const seen = new Set();
const unique = rows.filter((r) => {
  const key = JSON.stringify(r);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});
if (result.status !== 0 || unique.length === 0) {
  console.log(output);
  console.error(unique.length === 0 ? 'No benchmark printed a result.' : 'A benchmark failed.');
  process.exit(1);
}
const fmt = (v) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : String(v ?? ''));
console.log(`\n${'benchmark'.padEnd(58)} ${'value'.padStart(9)} ${'unit'.padEnd(6)} ${'target'.padStart(8)}  ok`);
for (const r of unique) {
  const ok = r.target === undefined ? '' : r.value <= r.target ? '✔' : '✖';
  console.log(
    `${String(r.name).padEnd(58)} ${fmt(r.value).padStart(9)} ${String(r.unit ?? '').padEnd(6)} ${fmt(r.target).padStart(8)}  ${ok}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  JSON.stringify(
    { date: new Date().toISOString(), chrome, cores: (await import('node:os')).cpus().length, results: unique },
    null,
    2,
  ),
);
console.log('\nWritten to bench-results/bench.json');
