// End to end, in real Chromium against the built demo (demo/dist, on the default adapter): edit a
// customer's remark, add a note, tag them, send a coupon, publish a moment, search a group, see each
// on the customer's timeline, reload, and see everything persisted.
// Then the review of issue 17: every element under a strict CSP, axe on every page in both themes
// and languages, focus clear of the fixed bars, the customer chooser, settings kept after a reload,
// uploading offline, touch hints on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STRICT_CSP, launchChromium, listenOnLoopback, requestPath, sendFile } from '../helpers/pages.js';
import { buildDemo, dayInWords, shownDemoDate } from '../helpers/demo.js';

const repo = new URL('../../', import.meta.url).pathname;
const root = `${repo}demo/dist/`;
const pixel = await readFile(new URL('../helpers/pixel.png', import.meta.url));
let server;
let browser;
let base;

before(async () => {
  buildDemo();
  ({ server, base } = await listenOnLoopback((req, res) => {
    let path = requestPath(req);
    // /csp/… serves the demo with a strict Content-Security-Policy header.
    const headers = {};
    if (path.startsWith('/csp/')) {
      path = path.slice(4);
      headers['content-security-policy'] = STRICT_CSP;
    }
    // /repo/… serves the repository itself (demo/cdn.html and the CDN build next to it).
    const file = path.startsWith('/repo/')
      ? join(repo, path.slice(6))
      : join(root, path.endsWith('/') ? `${path}index.html` : path);
    return sendFile(res, file, headers);
  }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The texts of the customer's timeline entries (headline and particulars), as the associate reads them. */
const timelineTexts = (page) =>
  page.evaluate(() => {
    const demo = document.querySelector('demo-workspace')?.shadowRoot;
    const timeline = demo?.querySelector('cl-customer-timeline')?.shadowRoot;
    return [...(timeline?.querySelectorAll('[part~="entry"]') ?? [])].map((entry) => entry.textContent ?? '');
  });

/** Waits until the timeline has an entry containing each of `texts`. */
async function timelineShows(page, texts) {
  await page.locator('cl-customer-timeline [part~="entry"]').first().waitFor();
  try {
    await page.waitForFunction(
      (wanted) => {
        const demo = document.querySelector('demo-workspace')?.shadowRoot;
        const timeline = demo?.querySelector('cl-customer-timeline')?.shadowRoot;
        const entries = [...(timeline?.querySelectorAll('[part~="entry"]') ?? [])].map((e) => e.textContent ?? '');
        return wanted.every((text) => entries.some((entry) => entry.includes(text)));
      },
      texts,
      { timeout: 15_000 },
    );
  } catch {
    assert.fail(`the timeline shows ${JSON.stringify(texts)}; it has ${JSON.stringify(await timelineTexts(page))}`);
  }
}

test('an associate edits a remark, notes, tags, sends a coupon, posts a moment, searches a group; the timeline shows each and all of it survives a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  // The Today tab opens first; the customers are the second tab.
  await page.locator('demo-workspace nav button').nth(1).click();

  // The staff card shows the signed-in associate; the picked customer's profile opens with the timeline.
  await page.locator('cl-staff-card [part~="name"]').first().waitFor();
  await page.locator('cl-customer-profile [part~="name"]').waitFor();

  // Edit the remark name inline (Enter saves).
  const remark = `老客户${Date.now() % 10_000}`;
  await page.locator('cl-customer-profile [data-edit="remark"]').click();
  await page.locator('cl-customer-profile [data-input="remark"]').fill(remark);
  await page.locator('cl-customer-profile [data-input="remark"]').press('Enter');
  await page.locator('cl-customer-profile [data-field="remark"]', { hasText: remark }).waitFor();
  await page.locator('cl-customer-profile [part~="field-pending"]').waitFor({ state: 'detached' });

  // Add a follow-up note at the top of the timeline.
  const note = `客户想要一根备用数据线 ${Date.now()}`;
  await page.locator('cl-customer-timeline [part~="note-input"]').fill(note);
  await page.locator('cl-customer-timeline [part~="note-save"]').click();
  await timelineShows(page, [note]);

  // Tag the customer with a tag of a multi-select group.
  await page.getByRole('tab', { name: '客户标签' }).click();
  const tag = page.locator('cl-tag-editor [role="checkbox"][aria-checked="false"]:not([aria-readonly="true"])').first();
  await tag.waitFor();
  const tagName = (await tag.textContent()).trim();
  await tag.click();
  const chosen = page.locator('cl-tag-editor [role="checkbox"][aria-checked="true"]', { hasText: tagName });
  await chosen.first().waitFor();

  // Send the first coupon that can be sent, through the confirmation step.
  await page.getByRole('tab', { name: '发券' }).click();
  await page.locator('cl-coupon-dispenser [part~="send-button"]:not([disabled])').first().click();
  const stockName = (await page.locator('cl-coupon-dispenser dialog h3').first().textContent()).trim();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  const codeInDialog = page.locator('cl-coupon-dispenser dialog [part~="code"]');
  await codeInDialog.waitFor();
  const code = (await codeInDialog.textContent()).trim();
  assert.ok(code.length > 3, 'an issued coupon code is shown');
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  await page.locator('cl-coupon-dispenser [part~="coupons"] [part~="code"]', { hasText: code }).waitFor();

  // Publish a moment.
  await page.getByRole('button', { name: '发朋友圈' }).click();
  const text = `新品到店，欢迎试穿 ${Date.now()}`;
  await page.locator('cl-moments-composer textarea').fill(text);
  const publish = page.locator('cl-moments-composer [part~="publish-button"]');
  await page.waitForFunction(() => {
    const el = document.querySelector('demo-workspace')?.shadowRoot?.querySelector('cl-moments-composer');
    const button = el?.shadowRoot?.querySelector('[part~="publish-button"]');
    return button && !button.disabled;
  });
  await publish.click();
  await page.locator('cl-moments-composer [part~="status"]').waitFor();
  // Published (the default adapter publishes a submitted post when the composer next asks): the outcome replaces the button.
  await publish.waitFor({ state: 'detached', timeout: 20_000 });
  assert.equal(await page.locator('cl-moments-composer [part~="status"] .bad').count(), 0, 'the post was published');

  // Search the first group by the name of one of its members.
  await page.getByRole('button', { name: '我的客户群' }).click();
  const firstName = page.locator('cl-group-member-list [part~="name"]').first();
  await firstName.waitFor();
  const name = (await firstName.textContent()).trim();
  await page.locator('cl-group-member-list input[type="search"]').fill(name.slice(0, 2));
  await page.waitForFunction(
    (q) => {
      const list = document.querySelector('demo-workspace')?.shadowRoot?.querySelector('cl-group-member-list');
      const names = [...(list?.shadowRoot?.querySelectorAll('[part~="name"]') ?? [])].map((n) => n.textContent ?? '');
      return names.length > 0 && names.every((n) => n.includes(q));
    },
    name.slice(0, 2),
  );

  // Back on the customer: the timeline has the remark, the note, the tag, the coupon and the moment.
  const everything = [remark, note, tagName, stockName, text.slice(0, 20)];
  await page.getByRole('button', { name: '客户' }).first().click();
  await page.getByRole('tab', { name: '动态' }).click();
  await timelineShows(page, everything);

  // Reload: the profile, the timeline, the tag, the coupon and the day's post are still there.
  await page.reload();
  await page.locator('demo-workspace nav button').nth(1).click();
  await page.locator('cl-customer-profile [data-field="remark"]', { hasText: remark }).waitFor();
  await timelineShows(page, everything);
  await page.getByRole('tab', { name: '客户标签' }).click();
  await page.locator('cl-tag-editor [role="checkbox"][aria-checked="true"]', { hasText: tagName }).first().waitFor();
  await page.getByRole('tab', { name: '发券' }).click();
  await page.locator('cl-coupon-dispenser [part~="coupons"] [part~="code"]', { hasText: code }).waitFor();
  await page.getByRole('button', { name: '发朋友圈' }).click();
  await page.locator('cl-moments-composer [part~="quota"]').waitFor();
  const quota = (await page.locator('cl-moments-composer [part~="quota"]').textContent()).trim();
  assert.match(quota, /今天的发表次数已用完/, `the day's quota is used up after reload: "${quota}"`);
  assert.equal(await page.locator('cl-moments-composer [part~="publish-button"]').isDisabled(), true);
  assert.deepEqual(errors, [], 'no uncaught errors on the page');
  await context.close();
});

test('demo/cdn.html works from the CDN build and an inline adapter alone, loading only the elements it uses', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}repo/demo/cdn.html`);
  await page.locator('cl-staff-card [part~="name"]', { hasText: 'Lily Wang' }).waitFor();
  await page.locator('cl-tag-editor [role="radio"][aria-checked="true"]', { hasText: '20-30' }).waitFor();
  await page.locator('cl-coupon-dispenser [part~="send-button"]').first().click();
  await page.locator('cl-coupon-dispenser dialog button[data-variant="primary"]').click();
  await page.locator('cl-coupon-dispenser dialog [part~="code"]').waitFor();
  const scripts = requests.filter((p) => p.endsWith('.js'));
  const cdn = '/repo/packages/elements/dist/cdn/';
  assert.equal(scripts[0], `${cdn}clienteling-elements.js`, 'the CDN entry first');
  assert.deepEqual(
    scripts.filter((p) => !p.startsWith(`${cdn}chunks/`)),
    [`${cdn}clienteling-elements.js`],
    'nothing but the CDN build is loaded',
  );
  const elementChunks = scripts
    .map(
      (p) =>
        /chunks\/((?:staff-card|tag-editor|coupon-dispenser|moments-composer|group-member-list|customer-[a-z]+|task-list|staff-results|script-library|broadcast-composer))-/.exec(
          p,
        )?.[1],
    )
    .filter(Boolean)
    .sort();
  assert.deepEqual(
    elementChunks,
    ['coupon-dispenser', 'staff-card', 'tag-editor'],
    'the chunks of the elements on the page, and only those',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

/* ------------------------------------------------------------------ issue 17: the review */

/**
 * The demo's pages: a tab of the bottom navigation and, on the customer's, a tab under the profile
 * (timeline, tags, coupons); and what shows that each has loaded.
 */
const TAB_PAGES = [
  {
    tab: 1,
    view: 0,
    ready: [
      'cl-staff-card [part~="name"]',
      'cl-customer-profile [part~="name"]',
      'cl-customer-timeline [part~="entry"]',
    ],
  },
  { tab: 1, view: 1, ready: ['cl-tag-editor cl-tag-picker'] },
  { tab: 1, view: 2, ready: ['cl-coupon-dispenser [part~="send-button"]'] },
  { tab: 2, ready: ['cl-moments-composer textarea'] },
  { tab: 3, ready: ['cl-group-member-list [part~="name"]'] },
  { tab: 0, ready: ['cl-task-list [part~="task"]', 'demo-workspace #demo-date-button'] },
];

/** Opens a demo page (a bottom tab, then a customer tab) and waits for its elements to load. */
async function openTab(page, { tab, view, ready }) {
  await page.locator('demo-workspace nav button').nth(tab).click();
  if (view !== undefined) await page.locator('demo-workspace [role="tab"]').nth(view).click();
  for (const selector of ready) await page.locator(selector).first().waitFor();
}

/** A new page of the demo with a saved language and theme (as the switches leave them). */
async function demoPage(settings = {}, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, ...contextOptions });
  await context.addInitScript((saved) => {
    for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
  }, settings);
  return { context, page: await context.newPage() };
}

test('each demo page has its icon, and nothing a first visit asks for is missing', async () => {
  const { context, page } = await demoPage();
  const missing = [];
  page.on('response', (response) => response.status() >= 400 && missing.push(`${response.status()} ${response.url()}`));
  for (const path of ['', 'csp/', 'sidebar/', 'repo/demo/cdn.html']) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    const icon = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="icon"]')?.href;
      const response = href ? await fetch(href) : undefined;
      return { href, status: response?.status, type: response?.headers.get('content-type') };
    });
    assert.ok(icon.href, `${path || '/'} names no icon`);
    assert.equal(icon.status, 200, `${path || '/'}: ${icon.href}`);
    assert.match(icon.type ?? '', /^image\/svg\+xml/, `${path || '/'}: the icon's type`);
  }
  assert.deepEqual(missing, []);
  await context.close();
});

test('every element works under a strict CSP header (no inline style, Trusted Types) without a violation', async () => {
  const { context, page } = await demoPage();
  const violations = [];
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => (window.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      true,
    );
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Trusted Type/i.test(message.text())) violations.push(message.text());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}csp/`);
  for (const tabPage of [...TAB_PAGES, TAB_PAGES[0]]) await openTab(page, tabPage);
  // The loading states too: the moments composer's skeleton, and a search in the member list.
  await page.reload();
  await openTab(page, TAB_PAGES[3]);
  await openTab(page, TAB_PAGES[4]);
  await page.locator('cl-group-member-list input[type="search"]').fill('王');
  await page.waitForTimeout(300);
  violations.push(...(await page.evaluate(() => window.__violations ?? [])));
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(errors, [], 'no uncaught errors');
  await context.close();
});

for (const locale of ['zh-CN', 'en']) {
  for (const theme of ['light', 'dark']) {
    test(`axe finds no violation on any demo page (${locale}, ${theme})`, async () => {
      const { context, page } = await demoPage({ 'demo.locale': locale, 'demo.theme': theme });
      await page.goto(base);
      const found = [];
      for (const tabPage of TAB_PAGES) {
        await openTab(page, tabPage);
        // Let the entrance animations end, so that axe sees the final colours.
        await page.waitForTimeout(400);
        await page.addScriptTag({ path: `${repo}node_modules/axe-core/axe.min.js` });
        const { violations, checkedInElements } = await page.evaluate(async () => {
          const results = await window.axe.run(document);
          return {
            violations: results.violations.map(
              (v) => `${v.id}: ${v.nodes.map((n) => n.target.flat().join(' > ')).join(', ')}`,
            ),
            // axe reaches into the shadow roots (a node there has a target path: host, then inner selector).
            checkedInElements: results.passes.some((rule) => rule.nodes.some((n) => n.target.some(Array.isArray))),
          };
        });
        assert.ok(checkedInElements, 'axe checked inside the elements');
        found.push(...violations.map((v) => `tab ${tabPage.tab}/${tabPage.view ?? '-'}: ${v}`));
      }
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}

test('axe finds no violation on demo/cdn.html (the CDN build and a brand colour) in both themes and languages', async () => {
  const { context, page } = await demoPage();
  await page.goto(`${base}repo/demo/cdn.html`);
  await page.locator('cl-staff-card [part~="name"]').first().waitFor();
  const found = [];
  for (const locale of ['zh-CN', 'en']) {
    for (const theme of ['light', 'dark']) {
      await page.evaluate(
        ([lang, mode]) => {
          const provider = document.querySelector('cl-provider');
          provider.setAttribute('locale', lang);
          provider.setAttribute('theme', mode);
          document.documentElement.lang = lang;
        },
        [locale, theme],
      );
      await page.locator('cl-coupon-dispenser [part~="send-button"]').first().waitFor();
      await page.waitForTimeout(400);
      await page.addScriptTag({ path: `${repo}node_modules/axe-core/axe.min.js` });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document)).violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.flat().join(' > ')).join(', ')}`,
        ),
      );
      found.push(...violations.map((v) => `${locale} ${theme}: ${v}`));
    }
  }
  assert.deepEqual(found, []);
  await context.close();
});

/** What shows that a view of the chat-sidebar demo has loaded, by its tab's position in each mode. */
const SIDEBAR_VIEWS = {
  single: [
    'cl-customer-timeline [part~="note-form"], cl-customer-timeline [part~="state"]',
    'cl-tag-editor cl-tag-picker, cl-tag-editor .note',
    'cl-coupon-dispenser h3, cl-coupon-dispenser .state',
    'cl-moments-composer textarea',
  ],
  group: ['cl-group-member-list [part~="name"]', 'cl-moments-composer textarea'],
  browser: [
    'cl-customer-timeline [part~="note-form"], cl-customer-timeline [part~="state"]',
    'cl-tag-editor cl-tag-picker, cl-tag-editor .note',
    'cl-coupon-dispenser h3, cl-coupon-dispenser .state',
    'cl-moments-composer textarea',
  ],
};

test('axe finds no violation on the chat-sidebar demo (every view of single chat, group chat, browser) in both themes and languages', async () => {
  const found = [];
  for (const locale of ['zh-CN', 'en']) {
    for (const theme of ['light', 'dark']) {
      for (const [mode, views] of Object.entries(SIDEBAR_VIEWS)) {
        const saved = { 'demo.locale': locale, 'demo.theme': theme, 'demo.sidebar.mode': mode };
        const { context, page } = await demoPage(saved, { viewport: { width: 1024, height: 900 } });
        await page.goto(`${base}sidebar/`);
        if (mode !== 'group')
          await page.locator('cl-customer-profile [part~="header"], cl-customer-profile .note').first().waitFor();
        for (const [index, ready] of views.entries()) {
          await page.locator('demo-sidebar [role="tab"]').nth(index).click();
          await page.locator(ready).first().waitFor();
          await page.waitForTimeout(600);
          await page.addScriptTag({ path: `${repo}node_modules/axe-core/axe.min.js` });
          const violations = await page.evaluate(async () =>
            (await window.axe.run(document)).violations.map(
              (v) => `${v.id}: ${v.nodes.map((n) => n.target.flat().join(' > ')).join(', ')}`,
            ),
          );
          found.push(...violations.map((v) => `${locale} ${theme} ${mode} view ${index}: ${v}`));
        }
        await context.close();
      }
    }
  }
  assert.deepEqual(found, []);
});

test('after a reload the demo keeps its language (<html lang>) and theme', async () => {
  const { context, page } = await demoPage();
  await page.goto(base);
  await page.locator('demo-workspace nav button').nth(1).click();
  await page.locator('cl-staff-card [part~="name"]').first().waitFor();
  await page.locator('demo-workspace header button').nth(0).click(); // English
  await page.locator('demo-workspace header button').nth(1).click(); // dark
  await page.reload();
  await page.locator('demo-workspace nav button').nth(1).click();
  await page.locator('cl-staff-card [part~="name"]').first().waitFor();
  const shell = await page.evaluate(() => {
    const provider = document.querySelector('demo-workspace').shadowRoot.querySelector('cl-provider');
    const header = document.querySelector('demo-workspace').shadowRoot.querySelector('header');
    return {
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
      provider: provider.getAttribute('theme'),
      page: getComputedStyle(document.documentElement).backgroundColor,
      header: getComputedStyle(header).backgroundColor,
      text: getComputedStyle(header).color,
    };
  });
  assert.deepEqual([shell.lang, shell.theme, shell.provider], ['en', 'dark', 'dark']);
  const luminance = (rgb) =>
    rgb
      .match(/\d+/g)
      .slice(0, 3)
      .reduce((sum, channel) => sum + Number(channel), 0);
  assert.ok(luminance(shell.page) < 150, `a dark page: ${shell.page}`);
  assert.ok(luminance(shell.header) < 150 && luminance(shell.text) > 450, `a dark header: ${JSON.stringify(shell)}`);
  await context.close();
});

test('the demo date is a button saying the day, which turns into the focused date input with its picker open', async () => {
  for (const [locale, label, key] of [
    ['zh-CN', '演示日期', 'Enter'],
    ['en', 'Demo date', 'Space'],
  ]) {
    const { context, page } = await demoPage({ 'demo.locale': locale });
    await context.addInitScript(() => {
      const showPicker = HTMLInputElement.prototype.showPicker;
      HTMLInputElement.prototype.showPicker = function () {
        (window.__pickersShown ??= []).push(this.type);
        return showPicker.call(this);
      };
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    const today = await shownDemoDate(page);
    // The first screen has no date input: a button named by the label and the day in words.
    assert.equal(await page.locator('demo-workspace input[type="date"]').count(), 0, `${locale}: no date input yet`);
    const button = page.getByRole('button', { name: `${label} ${dayInWords(today, locale)}`, exact: true });
    await button.focus();
    await page.keyboard.press(key);
    // Pressed from the keyboard: the date input in its place, labelled the same, focused, its picker shown.
    const input = page.getByLabel(label, { exact: true });
    assert.equal(await input.getAttribute('type'), 'date');
    assert.equal(await input.inputValue(), today);
    assert.equal(
      await page.evaluate(() => document.querySelector('demo-workspace').shadowRoot.activeElement?.id),
      'demo-date',
      `${locale}: the date input has the focus`,
    );
    assert.deepEqual(await page.evaluate(() => window.__pickersShown), ['date'], `${locale}: the picker opened`);
    assert.equal(
      await page.locator('demo-workspace #demo-date-button').count(),
      0,
      'the input took the button’s place',
    );
    await page.addScriptTag({ path: `${repo}node_modules/axe-core/axe.min.js` });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
    );
    assert.deepEqual(violations, [], `${locale}: axe with the date input open`);
    // A day entered there moves the demo clock: the page starts again on it, the button saying it.
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    await Promise.all([page.waitForEvent('load'), input.fill(tomorrow)]);
    assert.equal(await shownDemoDate(page), tomorrow);
    assert.deepEqual(errors, [], `${locale}: no uncaught errors`);
    await context.close();
  }
});

test('focus never hides under the sticky header or the fixed tab bar, and the customer chooser is one tab stop', async () => {
  const { context, page } = await demoPage();
  await page.goto(base);
  await openTab(page, TAB_PAGES[0]);
  assert.equal(
    await page.locator('demo-workspace .customers[role="radiogroup"]').count(),
    1,
    'one radio group of customers',
  );
  await page.locator('demo-workspace #search').focus();
  const hidden = [];
  const chooserStops = new Set();
  for (let press = 0; press < 120; press++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const shell = document.querySelector('demo-workspace').shadowRoot;
      const box = active.getBoundingClientRect();
      const inBars = !!active.closest?.('header, nav');
      return {
        name: `${active.tagName} ${active.getAttribute('part') ?? ''} ${(active.textContent ?? '').trim().slice(0, 20)}`,
        top: box.top,
        bottom: box.bottom,
        height: box.height,
        inBars,
        inChooser: !!active.closest?.('[role="radiogroup"]') && active.getRootNode() === shell,
        id: active.closest?.('label')?.textContent?.trim(),
        headerBottom: shell.querySelector('header').getBoundingClientRect().bottom,
        navTop: shell.querySelector('nav').getBoundingClientRect().top,
      };
    });
    if (focus.inChooser) chooserStops.add(focus.id);
    // The page itself (focus past the last control), the bars' own buttons, and boxes taller than the space between.
    if (focus.name.startsWith('BODY') || focus.inBars || !focus.height) continue;
    if (focus.height > focus.navTop - focus.headerBottom) continue;
    if (focus.top < focus.headerBottom - 1 || focus.bottom > focus.navTop + 1) hidden.push(focus);
  }
  assert.deepEqual(hidden, [], 'every focused control is clear of the header and the tab bar');
  assert.equal(chooserStops.size, 1, `the customers are one tab stop: ${[...chooserStops].join(', ')}`);
  await context.close();
});

test("the customer's tabs follow the arrow keys, Home and End, wrapping around", async () => {
  const { context, page } = await demoPage();
  await page.goto(base);
  await openTab(page, TAB_PAGES[0]);
  const tabs = page.locator('demo-workspace [role="tab"]');
  const selected = async () => {
    await page.waitForFunction(() => {
      const shell = document.querySelector('demo-workspace').shadowRoot;
      return shell.activeElement?.getAttribute('aria-selected') === 'true';
    });
    return page.evaluate(() => document.querySelector('demo-workspace').shadowRoot.activeElement.id);
  };
  const ids = await tabs.evaluateAll((all) => all.map((tab) => tab.id));
  assert.ok(ids.length >= 3, `the customer has several tabs: ${ids.join(', ')}`);
  await tabs.first().click();
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected(), ids[1]);
  await page.keyboard.press('End');
  assert.equal(await selected(), ids.at(-1));
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected(), ids[0], 'ArrowRight on the last tab wraps to the first');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected(), ids.at(-1), 'ArrowLeft on the first tab wraps to the last');
  await page.keyboard.press('Home');
  assert.equal(await selected(), ids[0]);
  await context.close();
});

test('the feedback after tagging shows above the fixed tab bar', async () => {
  const { context, page } = await demoPage();
  await page.goto(base);
  await openTab(page, TAB_PAGES[1]);
  await page
    .locator('cl-tag-editor [role="checkbox"][aria-checked="false"]:not([aria-readonly="true"])')
    .first()
    .click();
  const message = page.locator('cl-tag-editor .cl-feedback-message');
  await message.waitFor();
  const [box, nav] = await Promise.all([message.boundingBox(), page.locator('demo-workspace nav').boundingBox()]);
  assert.ok(box.y + box.height <= nav.y, `feedback ${JSON.stringify(box)} above the tab bar ${JSON.stringify(nav)}`);
  await context.close();
});

test('offline, the composer says so and still uploads an image (no chunk from the network)', async () => {
  const { context, page } = await demoPage();
  await page.goto(base);
  await openTab(page, TAB_PAGES[3]);
  await context.setOffline(true);
  await page.locator('cl-moments-composer [part~="offline"]').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('cl-moments-composer [role="group"] button').first().click(); // 图片: one tap opens the chooser
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: pixel });
  await page.locator('cl-moments-composer [part~="thumbnail"]').waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('demo-workspace').shadowRoot.querySelector('cl-moments-composer');
    return !el.shadowRoot.querySelector('.thumb progress, .failed') || !!el.shadowRoot.querySelector('.failed');
  });
  assert.equal(await page.locator('cl-moments-composer .failed').count(), 0, 'the upload did not fail');
  await context.close();
});

test('on a phone the composer shows the touch hint, not the keyboard one', async () => {
  const { context, page } = await demoPage({}, { hasTouch: true, isMobile: true });
  await page.goto(base);
  await openTab(page, TAB_PAGES[3]);
  const chooser = page.waitForEvent('filechooser');
  await page.locator('cl-moments-composer [role="group"] button').first().tap();
  await (
    await chooser
  ).setFiles([
    { name: 'a.png', mimeType: 'image/png', buffer: pixel },
    { name: 'b.png', mimeType: 'image/png', buffer: pixel },
  ]);
  await page.locator('cl-moments-composer [part~="thumbnail"]').nth(1).waitFor();
  assert.equal(await page.locator('cl-moments-composer .pointer-hint').isVisible(), false);
  assert.equal(await page.locator('cl-moments-composer .touch-hint').isVisible(), true);
  await context.close();
});
