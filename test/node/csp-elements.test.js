// The elements under a strict Content Security Policy sent as an HTTP header: no inline styles, no
// inline scripts, and Trusted Types with only lit-html's policy. A page drives each element through
// its main states (test/csp/page.ts) while the browser reports every violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.js';

const repo = new URL('../../', import.meta.url).pathname;
const CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const types = { '.html': 'text/html', '.js': 'text/javascript' };
const PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
  '<script type="module" src="/page.js"></script></head><body></body></html>';

let outdir;
let server;
let browser;
let base;

before(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'cl-csp-'));
  await build({
    entryPoints: { page: join(repo, 'test/csp/page.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2019',
    conditions: ['source', 'production'],
    tsconfig: join(repo, 'tsconfig.json'),
    outdir,
    logLevel: 'error',
  });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const headers = { 'content-security-policy': CSP };
    if (path === '/') return res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(PAGE);
    if (path === '/favicon.ico') return res.writeHead(204, headers).end();
    if (path === '/avatar.png') {
      const picture = readFileSync(join(repo, 'test/helpers/pixel.png'));
      return res.writeHead(200, { ...headers, 'content-type': 'image/png' }).end(picture);
    }
    try {
      const body = readFileSync(join(outdir, path));
      res.writeHead(200, { ...headers, 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: ensureChrome(),
    args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')),
  });
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
