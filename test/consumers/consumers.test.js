// The packages as a retailer's developer meets them: every public package packed (`npm pack`, as
// published), the tarballs installed (no workspace links) into a React 19 + TypeScript app, a
// Vue 3 + vue-tsc app and plain HTML pages without a bundler. The README's npm, React, Vue and CDN
// snippets are copied into the apps exactly as written (only the reference server's port differs).
// Each app type-checks strictly, builds, and renders every element in Chromium; a handler receives
// a `cl-tags-change` event after a tag was tapped, through the HTTP adapter on the reference server.
// A deliberate type error makes each checker fail. The React app's tsconfig sets
// `customConditions: ["source"]`, as the consumer had who met 149 type errors in node_modules: a
// published `source` condition would lead its checker into our TypeScript sources.
//
//   node --test test/consumers/consumers.test.js      (after `npm run build`; needs the npm registry
//                                                      for react, vue, vite and typescript)
import { after, before, test } from 'node:test';
import process from 'node:process';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, normalize } from 'node:path';
import { contentType, launchChromium } from '../helpers/pages.js';
import { packPublicPackages } from '../../scripts/publish-check.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURES = new URL('.', import.meta.url).pathname;
const WORK = join(tmpdir(), 'clienteling-consumers');
const README_SERVER = 'http://127.0.0.1:8787';

/** The README's code blocks marked `<!-- consumer: path -->`, by path. */
export function readmeSnippets(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')) {
  const snippets = new Map();
  for (const [, path, code] of readme.matchAll(/<!-- consumer: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    snippets.set(path, code);
  }
  return snippets;
}

function sh(cwd, command, args, { allowFailure = false } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (!allowFailure && result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Serves WORK/react-app/dist at /react/, WORK/vue-app/dist at /vue/, WORK/plain at /plain/. */
function startStaticServer() {
  const roots = { react: join(WORK, 'react-app/dist'), vue: join(WORK, 'vue-app/dist'), plain: join(WORK, 'plain') };
  const server = createServer((req, res) => {
    const [, app, ...rest] = decodeURIComponent(new URL(req.url, 'http://x').pathname).split('/');
    const file = normalize(join(roots[app] ?? '/nonexistent', rest.join('/') || 'index.html'));
    if (!roots[app] || !file.startsWith(roots[app]) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file) });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The reference server, seeded as `npm run server` is, allowing calls from `origin`. */
async function startReferenceServer(port, origin) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', '--dev'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CORS_ORIGINS: origin, QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('reference server on')) resolve();
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the reference server exited (${code}):\n${output}`)));
  });
  return { child, ready };
}

let tarballs;
let elementsPackage;
let staticServer;
let reference;
let apiUrl;
let pageOrigin;
let browser;

/** Copies a fixture app, writes the README's snippets into it and installs the tarballs (async). */
function prepareApp(name, snippets) {
  const dir = join(WORK, name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  for (const [path, code] of snippets) {
    if (path.startsWith(`${name}/`)) writeFileSync(join(WORK, path), code.replaceAll(README_SERVER, apiUrl));
  }
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs.map((t) => t.tarball)];
  const child = spawn('npm', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(dir) : reject(new Error(`npm install in ${dir}:\n${output}`)))),
  );
}

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  tarballs = packPublicPackages(join(WORK, 'tarballs'));
  elementsPackage = tarballs.find((t) => t.pkg.name === '@clienteling/elements');
  staticServer = await startStaticServer();
  pageOrigin = `http://127.0.0.1:${staticServer.address().port}`;
  const apiPort = await freePort();
  apiUrl = `http://127.0.0.1:${apiPort}`;
  reference = await startReferenceServer(apiPort, pageOrigin);
  const snippets = readmeSnippets();
  mkdirSync(join(WORK, 'plain'));
  for (const [path, code] of snippets) {
    if (path.startsWith('plain/')) writeFileSync(join(WORK, path), code.replaceAll(README_SERVER, apiUrl));
  }
  await Promise.all([prepareApp('react-app', snippets), prepareApp('vue-app', snippets)]);
  await reference.ready;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  reference?.child.kill();
  staticServer?.close();
});

test('the README marks its npm, React, Vue and CDN snippets for the consumer apps', () => {
  assert.deepEqual([...readmeSnippets().keys()].sort(), [
    'plain/http.html',
    'plain/local.html',
    'react-app/npm-section.html',
    'react-app/src/readme-react-components.tsx',
    'react-app/src/readme-react-tags.tsx',
    'vue-app/src/ReadmeVue.vue',
    'vue-app/vite.config.ts',
  ]);
});

/**
 * Runs the app's checker once with a deliberately wrong file added: the check must fail, with
 * errors in that file only (the app itself type-checks).
 */
function typecheckWithDeliberateError(dir, brokenFile) {
  const result = sh(dir, 'npm', ['run', 'typecheck'], { allowFailure: true });
  rmSync(brokenFile);
  assert.notEqual(result.status, 0, 'the checker accepted a deliberate type error');
  const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  const elsewhere = errors.filter((line) => !line.startsWith(`src/${basename(brokenFile)}(`));
  assert.deepEqual(elsewhere, [], 'the app itself has type errors');
  return errors.join('\n');
}

test('the React app type-checks strictly, and a wrong property or event type fails the check', () => {
  const dir = join(WORK, 'react-app');
  const broken = join(dir, 'src/deliberate-error.tsx');
  writeFileSync(
    broken,
    [
      "import type {} from '@clienteling/elements/react-jsx.js';",
      'export const A = () => <cl-tag-editor customerId={42} />;',
      "export const B = () => <cl-coupon-dispenser oncl-coupon-issued={(e) => e.detail.nope} customer-id='x' />;",
      '',
    ].join('\n'),
  );
  const errors = typecheckWithDeliberateError(dir, broken);
  assert.match(errors, /deliberate-error\.tsx\(2,.*Type 'number' is not assignable to type 'string'/);
  assert.match(errors, /deliberate-error\.tsx\(3,.*Property 'nope' does not exist/);
});

test('the Vue app type-checks strictly, and a misspelt attribute or wrong handler fails vue-tsc', () => {
  const dir = join(WORK, 'vue-app');
  const broken = join(dir, 'src/DeliberateError.vue');
  writeFileSync(
    broken,
    [
      '<script setup lang="ts">',
      "import type {} from '@clienteling/elements/vue.js';",
      'function onIssued(event: CustomEvent<number>) { console.log(event.detail); }',
      '</script>',
      '<template>',
      '  <cl-tag-editor :customer-idd="42" />',
      '  <cl-coupon-dispenser @cl-coupon-issued="onIssued" />',
      '</template>',
      '',
    ].join('\n'),
  );
  const errors = typecheckWithDeliberateError(dir, broken);
  assert.match(errors, /DeliberateError\.vue\(6,.*customerIdd/);
  assert.match(errors, /DeliberateError\.vue\(7,/);
});

test('both apps build with Vite', () => {
  for (const name of ['react-app', 'vue-app']) {
    sh(join(WORK, name), 'npx', ['vite', 'build', '--base', './', '--logLevel', 'warn']);
    assert.ok(existsSync(join(WORK, name, 'dist/index.html')));
  }
});

/** The rule functions docs/adapters.md tells adapter authors to call (its "rules of the trade" item). */
function rulesAdapterAuthorsCall() {
  const guide = readFileSync(join(ROOT, 'docs/adapters.md'), 'utf8');
  const item = guide.slice(
    guide.indexOf('**The rules of the trade**'),
    guide.indexOf('\n- **', guide.indexOf('**The rules of the trade**') + 1),
  );
  const names = [...item.matchAll(/`([a-zA-Z]+)`/g)].map(([, name]) => name);
  assert.ok(names.length >= 5, 'docs/adapters.md names the rules an adapter calls');
  return names;
}

/** Opens a page, answering the README's pinned CDN URL from the packed elements tarball. */
async function openPage(path) {
  const page = await browser.newPage();
  const messages = [];
  const errors = [];
  page.on('console', (message) => messages.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  const cdn = `https://cdn.jsdelivr.net/npm/@clienteling/elements@${elementsPackage.pkg.version}/`;
  await page.route(`${cdn}**`, (route) => {
    const file = join(elementsPackage.unpacked, route.request().url().slice(cdn.length));
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file, 'utf8') });
  });
  await page.route('https://**', (route) => route.abort()); // nothing else leaves the machine
  await page.goto(`${pageOrigin}${path}`);
  return { page, messages, errors };
}

/** Every tag of the packed manifest is defined and rendered on the page. */
async function assertEveryElementRendered(page, scope) {
  const manifest = JSON.parse(readFileSync(join(elementsPackage.unpacked, 'custom-elements.json'), 'utf8'));
  const tagNames = manifest.modules.flatMap((mod) => (mod.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  assert.ok(tagNames.length >= 7, 'the manifest lists the elements');
  const rendered = await page.waitForFunction(
    ({ tagNames, scope }) => {
      const shown = tagNames.filter((tagName) => {
        const element = document.querySelector(`${scope} ${tagName}`);
        return customElements.get(tagName) && element?.shadowRoot && element.shadowRoot.childNodes.length > 0;
      });
      return shown.length === tagNames.length && shown;
    },
    { tagNames, scope },
    { timeout: 15_000 },
  );
  assert.deepEqual(await rendered.jsonValue(), tagNames);
}

/** Taps an unselected tag of the tag editor in `scope` and waits for the handler's console line. */
async function assertTagsChangeReceived({ page, messages }, scope) {
  const before = messages.filter((m) => m.startsWith('tags')).length;
  await page
    .locator(`${scope} cl-tag-editor [role="checkbox"][aria-checked="false"]`)
    .first()
    .click({ timeout: 15_000 });
  await page.waitForFunction(() => true); // let the console event arrive
  const deadline = Date.now() + 15_000;
  while (messages.filter((m) => m.startsWith('tags')).length === before && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(messages.filter((m) => m.startsWith('tags')).length > before, `no cl-tags-change in ${scope}`);
}

test('React: every element renders; bare tags and components receive cl-tags-change over HTTP', async () => {
  const opened = await openPage('/react/index.html');
  try {
    await assertEveryElementRendered(opened.page, '#every-element');
    await assertTagsChangeReceived(opened, '#tags');
    await assertTagsChangeReceived(opened, '#components');
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.page.close();
  }
});

test('React: the README npm page shows the staff card from the default adapter', async () => {
  const { page, errors } = await openPage('/react/npm-section.html');
  try {
    await page.locator('cl-staff-card').getByText('王丽').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Vue: every element renders; the README component receives cl-tags-change over HTTP', async () => {
  const opened = await openPage('/vue/index.html');
  try {
    await assertEveryElementRendered(opened.page, '#every-element');
    await assertTagsChangeReceived(opened, '#panel');
    assert.deepEqual(opened.errors, []);
  } finally {
    await opened.page.close();
  }
});

test('No bundler: the pinned CDN file works with the default adapter and with the HTTP adapter', async () => {
  const local = await openPage('/plain/local.html');
  try {
    await local.page.locator('cl-tag-editor [role="checkbox"]').first().waitFor({ timeout: 15_000 });
    await local.page.locator('cl-staff-card').getByText('王丽').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(local.errors, []);
    const cdnFile = `https://cdn.jsdelivr.net/npm/@clienteling/elements@${elementsPackage.pkg.version}/dist/cdn/clienteling-elements.js`;
    const exported = await local.page.evaluate((url) => import(url).then((module) => Object.keys(module)), cdnFile);
    for (const name of [...rulesAdapterAuthorsCall(), 'AdapterError', 'createLocalAdapter', 'createHttpAdapter']) {
      assert.ok(exported.includes(name), `the CDN file does not export ${name}`);
    }
  } finally {
    await local.page.close();
  }
  const http = await openPage('/plain/http.html');
  try {
    await assertTagsChangeReceived(http, 'body');
    assert.deepEqual(http.errors, []);
  } finally {
    await http.page.close();
  }
});
