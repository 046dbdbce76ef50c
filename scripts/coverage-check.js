// Per-package line-coverage thresholds, read from web-test-runner's lcov report.
import { readFileSync } from 'node:fs';

/** Minimum line coverage per package (percent). */
export const THRESHOLDS = { core: 90 };
const DEFAULT_THRESHOLD = 80;

const lcov = readFileSync('coverage/lcov.info', 'utf8');
const totals = new Map();
let pkg;
for (const line of lcov.split('\n')) {
  if (line.startsWith('SF:')) pkg = /packages\/([^/]+)\//.exec(line)?.[1];
  else if (pkg && line.startsWith('LF:'))
    totals.set(pkg, {
      ...(totals.get(pkg) ?? { lf: 0, lh: 0 }),
      lf: (totals.get(pkg)?.lf ?? 0) + Number(line.slice(3)),
    });
  else if (pkg && line.startsWith('LH:')) totals.get(pkg).lh += Number(line.slice(3));
}
let failed = false;
console.log('package               lines   threshold');
for (const [name, { lf, lh }] of [...totals].sort()) {
  const pct = lf ? (100 * lh) / lf : 100;
  const threshold = THRESHOLDS[name] ?? DEFAULT_THRESHOLD;
  const ok = pct >= threshold;
  failed ||= !ok;
  console.log(`${name.padEnd(20)} ${pct.toFixed(1).padStart(6)}%   ${threshold}% ${ok ? '' : '  ✖ below threshold'}`);
}
if (failed) process.exit(1);
