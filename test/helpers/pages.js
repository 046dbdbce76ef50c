// What the browser tests of built pages share (the demo, the stories, the CSP page, the consumer apps):
// a loopback file server and Chromium through playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/chrome.js';

/** What a careful retailer's page sends: no inline styles or scripts, only Lit's Trusted Types policy. */
export const STRICT_CSP =
  "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const CONTENT_TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The content type a file is served with. */
export const contentType = (file) => CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';

/** A request's path, decoded, with no leading `..` that could climb out of the folder served. */
export const requestPath = (req) =>
  normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');

/** Answers with the file (200, its content type and `headers`), or 404 when it cannot be read. */
export async function sendFile(res, file, headers = {}) {
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'content-type': contentType(file) }).end(body);
  } catch {
    res.writeHead(404, headers).end();
  }
}

/** Starts an HTTP server on a free loopback port; resolves with it and its base URL (ending in `/`). */
export async function listenOnLoopback(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

/** Headless Chromium (Debian's, or CHROME_PATH) with this machine's flags; playwright adds its own headless flag. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: ensureChrome(),
    args: CHROME_ARGS.filter((arg) => !arg.startsWith('--headless')),
  });
