import { aTimeout, elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '@clienteling/core/define.js';
import { AdapterError, type ContactWay, type StaffProfile } from '@clienteling/core';
import { encodeQr } from '../src/qr.js';
import '../src/define.js';
import { StaffCard, safeHref, mapUrl, maskPhone, initials, DEFAULT_MAP_URL_TEMPLATE } from '../src/index.js';
import { deferred, fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';
import { textContrast } from '../../../test/helpers/contrast.js';
import { linesOf, splitWords } from '../../../test/helpers/layout.js';

const $ = <T extends Element = HTMLElement>(el: StaffCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: StaffCard, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until a card has validated its profile (the schemas load on first use) and rendered. */
async function settled(el: StaffCard) {
  await el.updateComplete;
  await waitUntil(() => !$(el, '.skeleton'), 'card did not settle');
  await el.updateComplete;
}

/** Renders a card with a fixed profile (no adapter needed). */
async function cardWith(profile: StaffProfile, attrs: Partial<StaffCard> = {}) {
  const el = await fixture<StaffCard>(html`<cl-staff-card .profile=${profile}></cl-staff-card>`);
  Object.assign(el, attrs);
  await settled(el);
  return el;
}

/** A card inside a provider with `adapter`, once it has loaded. */
async function provided(
  adapter: ReturnType<typeof stubAdapter>,
  inner = html`<cl-staff-card></cl-staff-card>`,
  locale = 'zh-CN',
) {
  const page = await fixture(html`<cl-provider .adapter=${adapter} locale=${locale}>${inner}</cl-provider>`);
  const el = page.querySelector('cl-staff-card')!;
  // An element in English renders once its English strings have loaded.
  await el.updateComplete;
  await waitUntil(() => !$(el, '.skeleton'), 'card did not load');
  return el;
}

describe('safeHref', () => {
  it('keeps https, http, tel and weixin links, in any case', () => {
    expect(safeHref('https://example.com/a?b=1')).to.equal('https://example.com/a?b=1');
    expect(safeHref('HTTP://example.com')).to.equal('HTTP://example.com');
    expect(safeHref('tel:13800138000')).to.equal('tel:13800138000');
    expect(safeHref('weixin://dl/business/?t=abc')).to.equal('weixin://dl/business/?t=abc');
    expect(safeHref('  https://example.com')).to.equal('https://example.com');
  });

  it('refuses script, data and relative URLs however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      '\u0000\u001fjavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u3000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example.com',
      'example.com',
      'https',
      '',
    ]) {
      expect(safeHref(url), JSON.stringify(url)).to.equal(undefined);
    }
    expect(safeHref(undefined)).to.equal(undefined);
    expect(safeHref(null)).to.equal(undefined);
  });
});

describe('staff-card helpers', () => {
  it('masks the middle digits of a phone number', () => {
    expect(maskPhone('13800138000')).to.equal('138****8000');
    expect(maskPhone('+86 138 0013 8000')).to.equal('138****8000');
    expect(maskPhone('021-6321 8888')).to.equal('021****8888');
    expect(maskPhone('12345')).to.equal('****45');
  });

  it('fills the map URL template with URL-encoded values', () => {
    const store = { id: 's', name: 'A&B 店', address: '南京东路 800 号', latitude: 31.2, longitude: 121.4 };
    expect(mapUrl(DEFAULT_MAP_URL_TEMPLATE, store)).to.equal(
      `https://uri.amap.com/search?keyword=${encodeURIComponent('南京东路 800 号')}&callnative=1`,
    );
    expect(mapUrl('https://m.example/?q={name}&at={lat},{lng}', store)).to.equal(
      'https://m.example/?q=A%26B%20%E5%BA%97&at=31.2,121.4',
    );
    expect(mapUrl('https://m.example/?at={lat},{lng}', { id: 's', name: 'x', address: 'y' })).to.equal(
      'https://m.example/?at=,',
    );
    expect(mapUrl(DEFAULT_MAP_URL_TEMPLATE, { id: 's', name: 'x' })).to.equal(undefined);
  });

  it('makes initials for Chinese and Latin names', () => {
    expect(initials('王丽')).to.equal('王丽');
    expect(initials('欧阳娜娜')).to.equal('娜娜');
    expect(initials('Li Wang')).to.equal('LW');
    expect(initials('mary ann smith')).to.equal('MS');
    expect(initials('Cher')).to.equal('C');
  });
});

describe('cl-staff-card', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the signed-in associate when given no staff id', async () => {
    const adapter = stubAdapter({ getCurrentStaff: async () => fixtures.staff() });
    const el = await provided(adapter);
    expect(adapter.callsTo('getCurrentStaff')).to.have.length(1);
    expect(adapter.callsTo('getStaff')).to.have.length(0);
    expect(text($(el, '.person'))).to.equal('王丽');
    expect(text($(el, '[part="company"]'))).to.equal('@百联');
    expect(text($(el, '[part="position"]'))).to.equal('美妆顾问');
    expect(text($(el, '[part="store"]'))).to.equal('南京东路店');
    expect($(el, 'article')!.getAttribute('aria-labelledby')).to.equal('name');
    // The empty feedback line takes no room: the last action sits on the card's padding.
    const gap = $(el, '.card')!.getBoundingClientRect().bottom - $(el, '[part~="add"]')!.getBoundingClientRect().bottom;
    expect(gap).to.be.closeTo(17, 1);
    await expect(el).to.be.accessible();
  });

  it('loads the staff member of staff-id, and reloads when it changes', async () => {
    const adapter = stubAdapter({
      getStaff: async (input) => fixtures.staff({ id: input.staffId, name: input.staffId === 'b' ? '李娜' : '王丽' }),
    });
    const el = await provided(adapter, html`<cl-staff-card staff-id="a"></cl-staff-card>`);
    expect(adapter.callsTo('getStaff')).to.deep.equal([{ staffId: 'a' }]);
    expect(text($(el, '.person'))).to.equal('王丽');
    el.staffId = 'b';
    await waitUntil(() => text($(el, '.person')) === '李娜');
    expect(adapter.callsTo('getStaff')).to.deep.equal([{ staffId: 'a' }, { staffId: 'b' }]);
    expect(adapter.callsTo('getCurrentStaff')).to.have.length(0);
  });

  it('ignores a stale response that arrives after a newer one', async () => {
    const slow = deferred<StaffProfile>();
    const adapter = stubAdapter({
      getStaff: (input) =>
        input.staffId === 'slow' ? slow.promise : Promise.resolve(fixtures.staff({ name: '最新' })),
    });
    const page = await fixture(
      html`<cl-provider .adapter=${adapter}><cl-staff-card staff-id="slow"></cl-staff-card></cl-provider>`,
    );
    const el = page.querySelector('cl-staff-card')!;
    await el.updateComplete;
    el.staffId = 'fast';
    await waitUntil(() => text($(el, '.person')) === '最新');
    slow.resolve(fixtures.staff({ name: '过期' }));
    await aTimeout(20);
    await el.updateComplete;
    expect(text($(el, '.person'))).to.equal('最新');
  });

  it('reloads when the adapter changes', async () => {
    const first = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ name: '第一' }) });
    const second = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ name: '第二' }) });
    const el = await provided(first);
    expect(text($(el, '.person'))).to.equal('第一');
    el.adapter = second;
    await waitUntil(() => text($(el, '.person')) === '第二');
  });

  it('shows an inert skeleton of the same layout while loading, without layout shift', async () => {
    for (const layout of ['card', 'compact', 'chip'] as const) {
      const pending = deferred<StaffProfile>();
      const adapter = stubAdapter({ getCurrentStaff: () => pending.promise });
      const page = await fixture(
        html`<div style="width: 375px"
          ><cl-provider .adapter=${adapter}><cl-staff-card layout=${layout}></cl-staff-card></cl-provider
        ></div>`,
      );
      const el = page.querySelector('cl-staff-card')!;
      await el.updateComplete;
      const skeleton = $(el, '.skeleton')!;
      expect(skeleton, layout).to.not.equal(null);
      expect(skeleton.hasAttribute('inert')).to.equal(true);
      expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
      expect(text($(el, '[role="status"]:not(.cl-offline-region)'))).to.equal('加载中…');
      await expect(el).to.be.accessible();
      const before = el.getBoundingClientRect().height;
      pending.resolve(fixtures.staff());
      await waitUntil(() => !$(el, '.skeleton'));
      const after = el.getBoundingClientRect().height;
      expect(Math.abs(after - before), `${layout}: ${before} → ${after}`).to.be.below(2);
    }
  });

  it('says so when the associate is not found, without a retry', async () => {
    const adapter = stubAdapter({
      getStaff: async () => {
        throw new AdapterError('not-found', 'no such staff');
      },
    });
    const el = await provided(adapter, html`<cl-staff-card staff-id="gone"></cl-staff-card>`);
    expect(text($(el, '[part~="message"]'))).to.equal('找不到该导购，可能已离职');
    expect($(el, '[part="retry"]')).to.equal(null);
    expect($(el, '[role="status"]:not(.cl-offline-region)')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a retryable error with a retry button that works from the keyboard', async () => {
    let fail = true;
    const adapter = stubAdapter({
      getCurrentStaff: async () => {
        if (fail) throw new AdapterError('unavailable', 'offline');
        return fixtures.staff();
      },
    });
    const el = await provided(adapter);
    expect(text($(el, '[role="alert"]'))).to.equal('服务暂不可用，请检查网络后重试。');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part="retry"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '.person')) === '王丽');
    expect(adapter.callsTo('getCurrentStaff')).to.have.length(2);
  });

  it('shows a forbidden error without retry', async () => {
    const adapter = stubAdapter({
      getCurrentStaff: async () => {
        throw new AdapterError('forbidden', 'nope');
      },
    });
    const el = await provided(adapter);
    expect(text($(el, '[role="status"]:not(.cl-offline-region)'))).to.equal('你没有权限进行此操作。');
    expect($(el, '[part="retry"]')).to.equal(null);
  });

  it('treats a malformed adapter response as invalid rather than crashing', async () => {
    const adapter = stubAdapter({ getCurrentStaff: async () => ({ ...fixtures.staff(), verified: 'yes' }) as never });
    const el = await provided(adapter);
    expect(text($(el, '[part~="message"]'))).to.equal('名片信息有误，无法显示');
  });

  it('renders a profile given directly, and an invalid one as the invalid state', async () => {
    const el = await cardWith(fixtures.staff({ name: '张敏' }));
    expect(text($(el, '.person'))).to.equal('张敏');
    el.profile = { ...fixtures.staff(), name: '' };
    await settled(el);
    expect(text($(el, '[part~="message"]'))).to.equal('名片信息有误，无法显示');
    expect($(el, '.person')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says it is not connected without an adapter or a profile', async () => {
    const el = await fixture<StaffCard>(html`<cl-staff-card></cl-staff-card>`);
    expect(text($(el, '[part~="message"]'))).to.equal('未连接：没有为该组件提供适配器。');
  });

  it('shows the verified badge only when the profile says verified', async () => {
    const el = await cardWith(fixtures.staff({ verified: true }));
    const badge = $(el, '[part="badge"]')!;
    expect(badge.getAttribute('role')).to.equal('img');
    expect(badge.getAttribute('aria-label')).to.equal('已实名认证');
    el.profile = fixtures.staff({ verified: false });
    await settled(el);
    expect($(el, '[part="badge"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('highlights the company suffix with a themable token', async () => {
    const el = await cardWith(fixtures.staff());
    el.style.setProperty('--cl-staff-card-company-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '[part="company"]')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('dials the full number even when the phone is shown masked', async () => {
    const el = await cardWith(fixtures.staff({ phone: '138 0013 8000' }));
    expect($(el, 'a[part="phone"]')!.getAttribute('href')).to.equal('tel:13800138000');
    expect(text($(el, '[part="phone"]'))).to.equal('138 0013 8000');
    el.maskPhone = true;
    await el.updateComplete;
    expect(text($(el, '[part="phone"]'))).to.equal('138****8000');
    expect($(el, 'a[part="phone"]')!.getAttribute('href')).to.equal('tel:13800138000');
    expect($(el, '[part~="call"]')!.getAttribute('href')).to.equal('tel:13800138000');
  });

  it('links the store address to a map built from the template, and never to an unsafe URL', async () => {
    const el = await cardWith(fixtures.staff());
    const link = $<HTMLAnchorElement>(el, 'a[part="address"]')!;
    expect(link.getAttribute('href')).to.equal(
      `https://uri.amap.com/search?keyword=${encodeURIComponent('上海市黄浦区南京东路 800 号')}&callnative=1`,
    );
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    el.mapUrlTemplate = 'javascript:alert("{address}")';
    await el.updateComplete;
    expect($(el, 'a[part="address"]')).to.equal(null);
    expect(text($(el, '[part="address"]'))).to.equal('上海市黄浦区南京东路 800 号');
  });

  it('renders external attributes: text, safe web links, and mini-program links announced as events', async () => {
    const el = await cardWith(
      fixtures.staff({
        externalAttributes: [
          { type: 'text', name: '擅长', value: '护肤咨询' },
          { type: 'web', name: '官网', title: '品牌官网', url: 'https://brand.example.com' },
          { type: 'web', name: '坏链接', title: '点我', url: 'javascript:alert(1)' },
          { type: 'web', name: '数据', title: '数据链接', url: 'data:text/html,hi' },
          { type: 'miniprogram', name: '商城', title: '线上商城', appId: 'wx123', pagePath: 'pages/index' },
        ],
      }),
    );
    const rows = $$(el, '.row').map((r) => text(r));
    expect(rows).to.include('擅长护肤咨询');
    const web = $<HTMLAnchorElement>(el, 'a[href="https://brand.example.com"]')!;
    expect(text(web)).to.contain('品牌官网');
    expect(web.rel).to.contain('noopener');
    expect($$(el, 'a').some((a) => /^\s*(javascript|data):/i.test(a.getAttribute('href') ?? ''))).to.equal(false);
    expect(rows).to.include('坏链接点我');
    const mini = $$(el, 'button[part="attribute"]')[0]!;
    mini.focus();
    const opened = oneEvent(el, 'cl-miniprogram-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ appId: 'wx123', pagePath: 'pages/index', title: '线上商城' });
    await expect(el).to.be.accessible();
  });

  it('renders adapter text as text, never as markup', async () => {
    const el = await cardWith(
      fixtures.staff({
        name: '<img src=x onerror="window.__pwned=1">',
        companyName: '<b>Co</b>',
        position: '<script>x</script>',
      }),
    );
    expect($(el, '.name img')).to.equal(null);
    expect($(el, 'b')).to.equal(null);
    expect(text($(el, '.person'))).to.equal('<img src=x onerror="window.__pwned=1">');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows the avatar picture, falling back to initials for unsafe or broken URLs', async () => {
    const el = await cardWith(fixtures.staff({ avatarUrl: 'javascript:alert(1)' }));
    expect($(el, 'img')).to.equal(null);
    expect(text($(el, '[part="avatar"]'))).to.equal('王丽');
    el.profile = fixtures.staff({ avatarUrl: new URL('/test/helpers/pixel.png', location.origin).href });
    await settled(el);
    expect($(el, '[part="avatar"] img')).to.not.equal(null);
    el.profile = fixtures.staff({ avatarUrl: 'https://127.0.0.1:1/missing.png' });
    await settled(el);
    await waitUntil(() => !$(el, '[part="avatar"] img'), 'broken avatar not replaced');
    expect(text($(el, '[part="avatar"]'))).to.equal('王丽');
  });

  it('copies the phone number from the keyboard, with visible and announced feedback', async () => {
    const clipboard = navigator.clipboard;
    const written: string[] = [];
    const original = clipboard.writeText;
    clipboard.writeText = async (value: string) => {
      written.push(value);
    };
    try {
      const el = await cardWith(fixtures.staff(), { maskPhone: true });
      $(el, '[part~="copy"]')!.focus();
      const copied = oneEvent(el, 'cl-phone-copy');
      await sendKeys({ press: 'Enter' });
      expect((await copied).detail).to.deep.equal({ phone: '13800138000', ok: true });
      expect(written).to.deep.equal(['13800138000']);
      await el.updateComplete;
      const feedback = $(el, '[part="feedback"]')!;
      expect(feedback.getAttribute('role')).to.equal('status');
      expect(text(feedback)).to.equal('号码已复制');
      await expect(el).to.be.accessible();
    } finally {
      clipboard.writeText = original;
    }
  });

  it('falls back to the legacy copy command, and says when copying failed', async () => {
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    const exec = document.execCommand;
    clipboard.writeText = () => Promise.reject(new Error('denied'));
    let execCalls = 0;
    document.execCommand = () => {
      execCalls++;
      return false;
    };
    try {
      const el = await cardWith(fixtures.staff());
      const copied = oneEvent(el, 'cl-phone-copy');
      $(el, '[part~="copy"]')!.click();
      expect((await copied).detail).to.deep.equal({ phone: '13800138000', ok: false });
      expect(execCalls).to.equal(1);
      await el.updateComplete;
      expect(text($(el, '[part="feedback"]'))).to.equal('复制失败，请长按号码复制');
      expect($(el, '[part="feedback"]')!.classList.contains('failed')).to.equal(true);
      document.execCommand = () => true;
      const again = oneEvent(el, 'cl-phone-copy');
      $(el, '[part~="copy"]')!.click();
      expect((await again).detail.ok).to.equal(true);
    } finally {
      clipboard.writeText = original;
      document.execCommand = exec;
    }
  });

  it('announces the add-me action as a cancelable event, and opens the contact URL unless cancelled', async () => {
    const opened: unknown[][] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      const staff = fixtures.staff();
      const el = await cardWith(staff);
      const add = $(el, '[part~="add"]')!;
      el.addEventListener('cl-staff-contact', (e) => e.preventDefault(), { once: true });
      add.focus();
      const first = oneEvent(el, 'cl-staff-contact');
      await sendKeys({ press: 'Space' });
      const event = await first;
      expect(event.detail).to.deep.equal({ staff, contactUrl: staff.contactUrl });
      expect(event.cancelable).to.equal(true);
      expect(opened).to.have.length(0);
      const second = oneEvent(el, 'cl-staff-contact');
      await sendKeys({ press: 'Enter' });
      await second;
      expect(opened).to.deep.equal([[staff.contactUrl, '_blank', 'noopener']]);
    } finally {
      window.open = open;
    }
  });

  it('never opens an unsafe contact URL', async () => {
    const opened: unknown[] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      const el = await cardWith(fixtures.staff({ contactUrl: 'javascript:alert(1)' }));
      const event = oneEvent(el, 'cl-staff-contact');
      $(el, '[part~="add"]')!.click();
      expect((await event).detail.contactUrl).to.equal('javascript:alert(1)');
      expect(opened).to.have.length(0);
    } finally {
      window.open = open;
    }
  });

  it('reaches every action with Tab, in reading order', async () => {
    const el = await cardWith(
      fixtures.staff({
        externalAttributes: [{ type: 'miniprogram', name: '商城', title: '线上商城', appId: 'wx1', pagePath: 'p' }],
      }),
    );
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? '');
    }
    before.remove();
    expect(seen).to.deep.equal(['phone', 'address', 'attribute', 'action call', 'action copy', 'action add']);
  });

  it('hides actions it cannot offer', async () => {
    const el = await cardWith(fixtures.staff({ phone: undefined, contactUrl: undefined, store: undefined }));
    expect($(el, '[part~="call"]')).to.equal(null);
    expect($(el, '[part~="copy"]')).to.equal(null);
    expect($(el, '[part~="add"]')).to.equal(null);
    expect($(el, 'dl')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('draws the add-me QR code in the browser, loading the encoder only when shown', async () => {
    const el = await cardWith(fixtures.staff(), { showQr: true });
    await waitUntil(() => $(el, 'svg.qr-code'), 'QR code not drawn');
    const qr = $(el, 'svg.qr-code')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('添加王丽为企业微信好友的二维码');
    const size = Number(qr.getAttribute('viewBox')!.split(' ')[2]) - 8;
    expect((size - 17) % 4, 'a QR code is 4v+17 modules wide').to.equal(0);
    expect(qr.querySelector('path')!.getAttribute('d')).to.match(/^M0 0h7v1h-7z/);
    expect(text($(el, 'figcaption'))).to.equal('微信扫码加我为好友');
    await expect(el).to.be.accessible();
  });

  it('shows a QR placeholder of the same size while encoding and when the URL cannot be encoded', async () => {
    const el = await cardWith(fixtures.staff({ contactUrl: 'https://x.example/' + '码'.repeat(2000) }), {
      showQr: true,
    });
    const placeholder = $(el, '.qr-code')!;
    const box = placeholder.getBoundingClientRect();
    await waitUntil(() => $(el, '.qr-failed'), 'QR failure not shown');
    expect(text($(el, '.qr-failed'))).to.equal('二维码无法显示');
    const failed = $(el, '.qr-failed')!.getBoundingClientRect();
    expect([failed.width, failed.height]).to.deep.equal([box.width, box.height]);
    expect($(el, '[part~="add"]')).to.not.equal(null);
  });

  it('shows no QR code in the compact and chip layouts', async () => {
    const el = await cardWith(fixtures.staff(), { showQr: true, layout: 'compact' });
    await aTimeout(20);
    expect($(el, '[part="qr"]')).to.equal(null);
  });

  it('lays out a compact chat-header line', async () => {
    const el = await cardWith(fixtures.staff(), { layout: 'compact' });
    expect($(el, '.compact')).to.not.equal(null);
    expect(text($(el, '[part="position"]'))).to.equal('美妆顾问 · 南京东路店');
    expect($(el, '[part="actions"]')).to.equal(null);
    expect($(el, '[part="badge"]')!.getAttribute('aria-label')).to.equal('已实名认证');
    expect(getComputedStyle($(el, '.badge-text')!).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('lays out an inline chip for lists', async () => {
    const page = await fixture(
      html`<p>导购 <cl-staff-card layout="chip" .profile=${fixtures.staff()}></cl-staff-card> 为你服务</p>`,
    );
    const el = page.querySelector('cl-staff-card')!;
    await settled(el);
    expect(getComputedStyle(el).display).to.equal('inline-flex');
    expect(text($(el, '.person'))).to.equal('王丽');
    expect(text($(el, '[part="company"]'))).to.equal('@百联');
    expect($(el, '[part="badge"]')!.getAttribute('aria-label')).to.equal('已实名认证');
    expect($(el, '[part="details"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('falls back to the card layout for an unknown layout', async () => {
    const el = await cardWith(fixtures.staff(), { layout: 'poster' as never });
    expect($(el, 'article.card')).to.not.equal(null);
  });

  it('speaks English inside an English provider', async () => {
    const adapter = stubAdapter({ getCurrentStaff: async () => fixtures.staff() });
    const el = await provided(adapter, html`<cl-staff-card show-qr></cl-staff-card>`, 'en');
    expect($(el, '[part="badge"]')!.getAttribute('aria-label')).to.equal('Verified');
    expect(text($(el, '[part~="call"]'))).to.equal('Call');
    expect(text($(el, '[part~="copy"]'))).to.equal('Copy number');
    expect(text($(el, '[part~="add"]'))).to.equal('Add me on WeCom');
    expect($$(el, 'dt').map(text)).to.deep.equal(['Phone', 'Store']);
    await waitUntil(() => $(el, 'svg.qr-code'));
    expect($(el, 'svg.qr-code')!.getAttribute('aria-label')).to.equal('QR code to add 王丽 on WeCom');
    await expect(el).to.be.accessible();
  });

  it('follows the dark theme through tokens, keeping the QR code dark on light', async () => {
    const page = await fixture(html`<cl-provider theme="dark"><cl-staff-card show-qr></cl-staff-card></cl-provider>`);
    const el = page.querySelector('cl-staff-card')!;
    el.profile = fixtures.staff();
    await waitUntil(() => $(el, 'svg.qr-code'));
    expect(getComputedStyle($(el, '.card')!).backgroundColor).to.equal('rgb(29, 31, 35)');
    expect(getComputedStyle($(el, '[part="company"]')!).color).to.equal('rgb(242, 182, 64)');
    expect(getComputedStyle($(el, 'svg.qr-code')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    await expect(el).to.be.accessible();
  });

  it('wraps long names and addresses at 375 px without overflowing', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await cardWith(
      fixtures.staff({
        name: 'Alexandrina Konstantinopoulou-Montgomery',
        companyName: 'Shanghai Nanjing Road Department Store Group Co., Ltd.',
        position: '高级美妆顾问兼会员服务经理（南京东路旗舰店）',
        store: {
          id: 's',
          name: '上海市黄浦区南京东路步行街旗舰店',
          address: '上海市黄浦区南京东路八百号第一百货商业中心B座三层301室',
        },
      }),
    );
    const card = $(el, '.card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(375);
    for (const target of $$(el, 'a, button')) {
      expect(target.getBoundingClientRect().height, target.getAttribute('part') ?? '').to.be.at.least(44);
    }
    await elementUpdated(el);
  });

  describe('as an associate finds it', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    const longCompany = fixtures.staff({
      name: 'Alexandra Wang',
      companyName: 'Shanghai Nanjing Road Department Store Group',
      position: 'Senior beauty consultant and membership services manager',
    });

    for (const layout of ['card', 'compact', 'chip'] as const) {
      it(`wraps a long company name between words, never inside one (${layout}, 320 px, English)`, async () => {
        await setViewport({ width: 320, height: 800 });
        const page = await fixture(
          html`<div lang="en" style="width: 320px"
            ><cl-staff-card .profile=${longCompany} layout=${layout}></cl-staff-card
          ></div>`,
        );
        const el = page.querySelector<StaffCard>('cl-staff-card')!;
        await settled(el);
        for (const node of $$(el, '[part="name"], .position, button, a, dt')) {
          for (const word of splitWords(node)) expect(linesOf(node, word), `"${word}" in ${text(node)}`).to.equal(1);
        }
        // The suffix starts with its "@": a break never leaves the "@" alone at a line end.
        expect(linesOf($(el, '[part="company"]')!, '@Shanghai')).to.equal(1);
      });
    }

    it('never puts an avatar URL the policy refuses into <img src> (tel:, http elsewhere)', async () => {
      for (const avatarUrl of ['tel:10086', 'http://elsewhere.example/a.png', 'weixin://dl/a.png']) {
        const el = await cardWith(fixtures.staff({ avatarUrl: avatarUrl as never }));
        expect($(el, '[part="avatar"] img'), avatarUrl).to.equal(null);
      }
      const ok = await cardWith(
        fixtures.staff({
          avatarUrl:
            'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        }),
      );
      expect($(ok, '[part="avatar"] img')).to.not.equal(null);
    });

    it('paints its own surface and readable text in the dark theme, also for its messages', async () => {
      const page = await fixture(
        html`<div style="background: #fff"
          ><cl-provider theme="dark"><cl-staff-card show-qr></cl-staff-card></cl-provider
        ></div>`,
      );
      const el = page.querySelector<StaffCard>('cl-staff-card')!;
      el.profile = fixtures.staff();
      await settled(el);
      const texts = ['.person', '[part="company"]', '.position', 'dt', 'dd', '.link', 'button', 'figcaption'];
      for (const selector of texts) {
        for (const node of $$(el, selector)) expect(textContrast(node), selector).to.be.at.least(4.5);
      }
      const empty = await fixture(
        html`<div style="background: #fff" data-cl-theme="dark"
          ><cl-provider theme="dark"><cl-staff-card></cl-staff-card></cl-provider
        ></div>`,
      );
      const message = empty.querySelector<StaffCard>('cl-staff-card')!;
      await message.updateComplete;
      expect(textContrast($(message, '[part~="message"] span')!)).to.be.at.least(4.5);
    });

    it('says so when the browser is offline', async () => {
      const el = await cardWith(fixtures.staff());
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(text($(el, '[part="offline"]'))).to.contain('网络已断开');
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        dispatchEvent(new Event('online'));
      }
    });
  });
});

describe('cl-staff-card with contact-state (a contact-me code)', () => {
  const STATE = 'store-card';
  const contactWay = (over: Partial<ContactWay> = {}): ContactWay => ({
    id: 'contact-1',
    staffIds: ['staff-1'],
    state: STATE,
    url: 'https://contact.clienteling.example/contact-1?state=store-card',
    createdBy: 'staff-1',
    createdAt: '2026-11-01T02:00:00.000Z',
    ...over,
  });
  /** The path of the QR code the card drew. */
  const qrPath = async (el: StaffCard) => {
    await waitUntil(() => $(el, 'svg.qr-code'), 'QR code not drawn');
    return $(el, 'svg.qr-code path')!.getAttribute('d');
  };
  /** A card of `staff` inside a provider with `adapter`, showing its QR code of the store card's channel. */
  const codeCard = (adapter: ReturnType<typeof stubAdapter>, locale = 'zh-CN') =>
    provided(adapter, html`<cl-staff-card show-qr contact-state=${STATE}></cl-staff-card>`, locale);

  it('shows the code of that channel already made for the associate, and makes none', async () => {
    const mine = contactWay();
    const adapter = stubAdapter({
      getCurrentStaff: async () => fixtures.staff(),
      listContactWays: async () => ({
        items: [
          contactWay({ id: 'contact-0', state: 'campaign-11', url: 'https://contact.clienteling.example/c0' }),
          contactWay({
            id: 'contact-r',
            staffIds: ['staff-1', 'staff-2'],
            url: 'https://contact.clienteling.example/r',
          }),
          mine,
        ],
        nextCursor: null,
      }),
    });
    const ready = oneEvent(document, 'cl-contact-way-ready');
    const el = await codeCard(adapter);
    expect((await ready).detail).to.deep.equal({ contactWay: mine, created: false });
    expect(await qrPath(el)).to.equal(encodeQr(mine.url).path);
    expect(await qrPath(el)).to.not.equal(encodeQr(fixtures.staff().contactUrl!).path);
    expect(adapter.callsTo('listContactWays')).to.deep.equal([{ staffId: 'staff-1', limit: 50 }]);
    expect(adapter.callsTo('createContactWay')).to.deep.equal([]);
    await expect(el).to.be.accessible();

    el.addEventListener('cl-staff-contact', (e) => e.preventDefault());
    const contact = oneEvent(el, 'cl-staff-contact');
    $(el, '[part~="add"]')!.click();
    const { detail } = await contact;
    expect(detail.contactUrl).to.equal(mine.url);
    expect(detail.contactWay).to.deep.equal(mine);
  });

  it('makes the code when no page of the associate’s codes has it, once', async () => {
    const made = contactWay({ id: 'contact-new', url: 'https://contact.clienteling.example/new' });
    const adapter = stubAdapter({
      getCurrentStaff: async () => fixtures.staff({ id: 'staff-7' }),
      listContactWays: async ({ cursor }) =>
        cursor
          ? { items: [contactWay({ id: 'contact-o', staffIds: ['staff-7'], state: 'other' })], nextCursor: null }
          : { items: [], nextCursor: 'page-2' },
      createContactWay: async ({ staffIds, state }) => ({ ...made, staffIds, state }),
    });
    const ready = oneEvent(document, 'cl-contact-way-ready');
    const el = await codeCard(adapter);
    expect((await ready).detail.created).to.equal(true);
    expect(adapter.callsTo('listContactWays')).to.deep.equal([
      { staffId: 'staff-7', limit: 50 },
      { staffId: 'staff-7', limit: 50, cursor: 'page-2' },
    ]);
    const [create] = adapter.callsTo('createContactWay') as { requestId: string }[];
    expect(create).to.deep.include({ staffIds: ['staff-7'], state: STATE });
    expect(create!.requestId).to.be.a('string').with.length.above(0);
    expect(await qrPath(el)).to.equal(encodeQr(made.url).path);
    expect(adapter.callsTo('createContactWay')).to.have.length(1);
  });

  it('shows a skeleton QR code and a disabled add action while the code is on its way', async () => {
    const listed = deferred<{ items: ContactWay[]; nextCursor: null }>();
    const adapter = stubAdapter({
      getCurrentStaff: async () => fixtures.staff(),
      listContactWays: () => listed.promise,
    });
    const el = await codeCard(adapter);
    expect($(el, '.qr-code.cl-skeleton')).to.not.equal(null);
    expect($(el, 'svg.qr-code')).to.equal(null);
    expect($<HTMLButtonElement>(el, '[part~="add"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    listed.resolve({ items: [contactWay()], nextCursor: null });
    expect(await qrPath(el)).to.equal(encodeQr(contactWay().url).path);
    expect($<HTMLButtonElement>(el, '[part~="add"]')!.disabled).to.equal(false);
  });

  it('says when the code could not be loaded, and Retry asks again with the same request id', async () => {
    let creates = 0;
    const adapter = stubAdapter({
      getCurrentStaff: async () => fixtures.staff({ id: 'staff-8' }),
      listContactWays: async () => ({ items: [], nextCursor: null }),
      createContactWay: async ({ staffIds }) => {
        if (++creates === 1) throw new AdapterError('unavailable', 'timeout', { retryable: true, reason: 'timeout' });
        return contactWay({ staffIds });
      },
    });
    const el = await codeCard(adapter);
    await waitUntil(() => $(el, '.qr-problem'), 'the failure is not shown');
    expect(text($(el, '.qr-problem [role="alert"]'))).to.match(/^加好友二维码没能加载。/);
    expect($(el, '[part~="add"]')).to.equal(null);
    await expect(el).to.be.accessible();

    $(el, '[part="qr-retry"]')!.click();
    expect(await qrPath(el)).to.equal(encodeQr(contactWay().url).path);
    const [first, second] = adapter.callsTo('createContactWay') as { requestId: string }[];
    expect(second!.requestId).to.equal(first!.requestId);
  });

  it('words the failure in English', async () => {
    const adapter = stubAdapter({
      getCurrentStaff: async () => fixtures.staff({ id: 'staff-9' }),
      listContactWays: async () => {
        throw new AdapterError('unavailable', 'down');
      },
    });
    const el = await codeCard(adapter, 'en');
    await waitUntil(() => $(el, '.qr-problem'), 'the failure is not shown');
    expect(text($(el, '.qr-problem [role="alert"]'))).to.match(/^The add-me code could not be loaded\./);
    expect(text($(el, '[part="qr-retry"]'))).to.equal('Retry');
    await expect(el).to.be.accessible();
  });

  it('keeps the profile’s contact URL without the capability, for an invalid state, or when refused', async () => {
    const profileQr = encodeQr(fixtures.staff().contactUrl!).path;
    const refusing = {
      getCurrentStaff: async () => fixtures.staff(),
      listContactWays: async () => {
        throw new AdapterError('forbidden', 'not a manager', { reason: 'not-manager' });
      },
    };
    const withoutCapability = stubAdapter(refusing, { createContactWay: false });
    expect(await qrPath(await codeCard(withoutCapability))).to.equal(profileQr);
    expect(withoutCapability.callsTo('listContactWays')).to.deep.equal([]);

    const invalid = stubAdapter(refusing);
    const badState = await provided(invalid, html`<cl-staff-card show-qr contact-state="门店 card"></cl-staff-card>`);
    expect(await qrPath(badState)).to.equal(profileQr);
    expect(invalid.callsTo('listContactWays')).to.deep.equal([]);

    const refused = stubAdapter(refusing);
    const el = await codeCard(refused);
    await waitUntil(() => refused.callsTo('listContactWays').length === 1);
    expect(await qrPath(el)).to.equal(profileQr);
    expect($<HTMLButtonElement>(el, '[part~="add"]')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('uses no code in the compact layout', async () => {
    const adapter = stubAdapter({ getCurrentStaff: async () => fixtures.staff() });
    const el = await provided(adapter, html`<cl-staff-card layout="compact" contact-state=${STATE}></cl-staff-card>`);
    await aTimeout(20);
    expect(adapter.callsTo('listContactWays')).to.deep.equal([]);
    expect($(el, '[part="qr"]')).to.equal(null);
  });
});
