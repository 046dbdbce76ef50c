// The elements under a strict Content Security Policy sent as an HTTP header: no inline styles, no
// inline scripts, and Trusted Types with only lit-html's policy. A page drives each element through
// its main states (test/csp/page.ts) while the browser reports every violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SOURCE_BUNDLE } from '../helpers/source-bundle.js';
import { STRICT_CSP as CSP, launchChromium, listenOnLoopback, requestPath, sendFile } from '../helpers/pages.js';

const repo = new URL('../../', import.meta.url).pathname;
const PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
  '<script type="module" src="/page.js"></script></head><body></body></html>';

let outdir;
let server;
let browser;
let base;

before(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'cl-csp-'));
  await build({ ...SOURCE_BUNDLE, entryPoints: { page: join(repo, 'test/csp/page.ts') }, outdir });
  ({ server, base } = await listenOnLoopback((req, res) => {
    const path = requestPath(req);
    const headers = { 'content-security-policy': CSP };
    if (path === '/') return res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(PAGE);
    if (path === '/favicon.ico') return res.writeHead(204, headers).end();
    if (path === '/avatar.png') return sendFile(res, join(repo, 'test/helpers/pixel.png'), headers);
    return sendFile(res, join(outdir, path), headers);
  }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

test('the staff card, coupon dispenser and group member list cause no CSP violation', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  // Added through the DevTools protocol, so the policy does not block it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}`;
      console.error(`CSP violation: ${event.violatedDirective} (${event.blockedURI || 'inline'}) at ${where}`);
    });
  });
  const response = await page.goto(base);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-done'), null, { timeout: 30_000 });
  const outcome = await page.getAttribute('html', 'data-done');
  assert.equal(outcome, 'ok', 'the page did not get through every state');
  assert.deepEqual(problems, []);
  // The policy is really enforced: an inline style attribute set from script is refused.
  const refused = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    return new Promise((resolve) => setTimeout(() => resolve(getComputedStyle(probe).color !== 'rgb(255, 0, 0)'), 50));
  });
  assert.equal(refused, true);
  await page.close();
});
