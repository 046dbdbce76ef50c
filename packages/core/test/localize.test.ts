import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { AdapterError } from '@clienteling/core';
import {
  LocalizeController,
  catalogsLoading,
  defineElement,
  defineMessages,
  emit,
  extendMessages,
  langOf,
  lazyCatalogs,
  normalizeLocale,
  setMessages,
  themeDeclarations,
  themeStylesheet,
  type MessagesOf,
} from '@clienteling/core/elements.js';

const english = { 'loc.title': 'Coupons', 'loc.left': (n: number) => (n === 1 ? '1 left' : `${n} left`) };
/** How often the probes' English module was asked for. */
const englishLoads = { count: 0 };
const messages = defineMessages({ 'loc.title': '优惠券', 'loc.left': (n: number) => `剩余 ${n} 张` }, async () => {
  englishLoads.count++;
  return { default: english };
});

/** What every clienteling element does: waits for its language's strings before it renders. */
class LocProbe extends LitElement {
  l = new LocalizeController(this, messages);
  renders = 0;
  /** What each render showed. */
  shownTexts: string[] = [];
  protected override scheduleUpdate() {
    const loading = catalogsLoading(this);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  protected override render() {
    this.renders++;
    const text = `${this.l.t('loc.title')}|${this.l.t('loc.left', 2)}`;
    this.shownTexts.push(text);
    return litHtml`${text}`;
  }
}
defineElement('cl-test-loc', LocProbe);

const shown = async (el: LocProbe) => {
  await el.updateComplete;
  return el.shadowRoot!.textContent;
};

describe('catalogs loaded on demand', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('loads each locale but zh-CN once, on the first ask, and forgets a failed load', async () => {
    let loads = 0;
    let fail = true;
    const catalogs = lazyCatalogs(
      { hello: '你好' },
      {
        en: async () => {
          loads++;
          if (fail) throw new Error('offline');
          return { hello: 'Hello' };
        },
      },
    );
    expect(catalogs.loaded).to.deep.equal({ 'zh-CN': { hello: '你好' } });
    expect(loads).to.equal(0);
    expect(await catalogs.load('zh-CN')).to.deep.equal({ hello: '你好' });
    expect(loads).to.equal(0);
    const failure = await catalogs.load('en').then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal('offline');
    fail = false;
    const [first, second] = await Promise.all([catalogs.load('en'), catalogs.load('en')]);
    expect([first, second, loads]).to.deep.equal([{ hello: 'Hello' }, { hello: 'Hello' }, 2]);
    expect(catalogs.loaded.en).to.deep.equal({ hello: 'Hello' });
    await catalogs.load('en');
    expect(loads).to.equal(2);
  });

  it('a page in zh-CN never loads the English strings', async () => {
    const before = englishLoads.count;
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="zh-CN"></cl-test-loc>`);
    expect(await shown(el)).to.equal('优惠券|剩余 2 张');
    expect(englishLoads.count).to.equal(before);
  });

  it('an element in English renders English from its first render: never zh-CN first', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="en"></cl-test-loc>`);
    expect(el.shownTexts).to.deep.equal(['Coupons|2 left']);
    expect(englishLoads.count).to.be.greaterThan(0);
  });

  it('core strings (errors, common words) come in the same language', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="en"></cl-test-loc>`);
    expect(el.l.t('common.retry' as never)).to.equal('Retry');
    el.lang = 'zh-CN';
    await nextFrame();
    await el.updateComplete;
    expect(el.l.t('common.retry' as never)).to.equal('重试');
  });

  it('a host that does not wait shows zh-CN, then English once it has loaded', async () => {
    const catalogs = defineMessages({ 'plain.title': '优惠券' }, async () => ({
      default: { 'plain.title': 'Coupons' },
    }));
    class FreshPlainProbe extends LitElement {
      l = new LocalizeController(this, catalogs);
      protected override render() {
        return litHtml`${this.l.t('plain.title')}`;
      }
    }
    defineElement('cl-test-fresh-plain-loc', FreshPlainProbe);
    const el = await fixture<FreshPlainProbe>(html`<cl-test-fresh-plain-loc lang="en"></cl-test-fresh-plain-loc>`);
    expect(el.shadowRoot!.textContent).to.equal('优惠券');
    await waitUntil(() => el.shadowRoot!.textContent === 'Coupons', 'English never shown');
  });

  it('when the English strings cannot load (offline) it renders in zh-CN, and in English once they do', async () => {
    let offlineLoads = 0;
    const catalogs = defineMessages({ 'off.title': '优惠券' }, async () => {
      offlineLoads++;
      if (offlineLoads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { default: { 'off.title': 'Coupons' } };
    });
    class OfflineProbe extends LitElement {
      l = new LocalizeController(this, catalogs);
      shownTexts: string[] = [];
      protected override scheduleUpdate() {
        const loading = catalogsLoading(this);
        return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
      }
      protected override render() {
        this.shownTexts.push(this.l.t('off.title'));
        return litHtml`${this.l.t('off.title')}`;
      }
    }
    defineElement('cl-test-offline-loc', OfflineProbe);
    const el = await fixture<OfflineProbe>(html`<cl-test-offline-loc lang="en"></cl-test-offline-loc>`);
    await waitUntil(() => el.shadowRoot!.textContent === 'Coupons', 'English never shown after the failure');
    expect(el.shownTexts).to.deep.equal(['优惠券', 'Coupons']);
    expect(offlineLoads).to.equal(2);
  });
});

describe("a part's catalogs (extendMessages)", () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it("hold the element's strings and the part's, and load the part's English with the element's", async () => {
    let partLoads = 0;
    const part = extendMessages(messages, { 'part.sent': '已发送' }, async () => {
      partLoads++;
      return { default: { 'part.sent': 'Sent' } };
    });
    expect(part.loaded['zh-CN']['loc.title']).to.equal('优惠券');
    expect(part.loaded['zh-CN']['part.sent']).to.equal('已发送');
    expect(part.loaded['zh-CN']['common.retry']).to.equal('重试');
    expect(partLoads).to.equal(0);
    const en = await part.load('en');
    expect([en['loc.title'], en['part.sent'], en['common.retry'], en['loc.left'](1)]).to.deep.equal([
      'Coupons',
      'Sent',
      'Retry',
      '1 left',
    ]);
    expect(messages.loaded.en?.['part.sent' as never]).to.equal(undefined);
  });

  it('a part that arrives later on an English host is rendered in English from its first render', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const partMessages = extendMessages(messages, { 'part.sent': '已发送' }, async () => {
      await released;
      return { default: { 'part.sent': 'Sent' } };
    });
    class PartHost extends LocProbe {
      partLocalize?: LocalizeController<MessagesOf<typeof partMessages>>;
      protected override render() {
        const text = this.partLocalize ? `${this.l.t('loc.title')}|${this.partLocalize.t('part.sent')}` : 'no part';
        this.shownTexts.push(text);
        return litHtml`${text}`;
      }
    }
    defineElement('cl-test-part-host', PartHost);
    const el = await fixture<PartHost>(html`<cl-test-part-host lang="en"></cl-test-part-host>`);
    expect(el.shownTexts).to.deep.equal(['no part']);
    el.partLocalize = new LocalizeController(el, partMessages);
    el.requestUpdate();
    await nextFrame();
    expect(el.shownTexts).to.deep.equal(['no part']);
    release();
    await waitUntil(() => el.shownTexts.length === 2, 'the part never rendered');
    expect(el.shownTexts).to.deep.equal(['no part', 'Coupons|Sent']);
  });
});

describe('LocalizeController', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('defaults to zh-CN', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc></cl-test-loc>`);
    expect(await shown(el)).to.equal('优惠券|剩余 2 张');
  });

  it('follows the nearest lang, also across shadow roots, and re-renders when it changes', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><cl-test-loc></cl-test-loc></section>';
    const el = shadow.querySelector<LocProbe>('cl-test-loc')!;
    expect(await shown(el)).to.equal('Coupons|2 left');
    host.setAttribute('lang', 'zh-Hans-CN');
    await nextFrame();
    expect(await shown(el)).to.equal('优惠券|剩余 2 张');
  });

  it('lets the page override any string, and falls back for unknown locales', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="fr"></cl-test-loc>`);
    expect(el.l.locale).to.equal('zh-CN');
    el.lang = 'en-GB';
    await nextFrame();
    setMessages('en', { 'loc.title': 'Vouchers' });
    expect(await shown(el)).to.equal('Vouchers|2 left');
    setMessages('en', { 'loc.title': 'Coupons' });
  });

  it('words adapter errors by code and by reason', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="en"></cl-test-loc>`);
    expect(el.l.error(new AdapterError('sold-out', 'x'))).to.contain('sold out');
    expect(el.l.error(new AdapterError('expired', 'x', { reason: 'not-started' }))).to.equal(
      'This has not started yet.',
    );
    expect(el.l.error(new AdapterError('expired', 'x', { reason: 'unknown-reason' }))).to.equal(
      'This is no longer valid.',
    );
  });

  it('words host bridge failures', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="en"></cl-test-loc>`);
    const failure = Object.assign(new Error('getContext:fail no permission'), {
      name: 'HostBridgeError',
      code: 'no-permission',
    });
    expect(el.l.error(failure)).to.contain('no permission');
  });

  it('formats money, numbers, dates and relative times in the locale', async () => {
    const el = await fixture<LocProbe>(html`<cl-test-loc lang="en"></cl-test-loc>`);
    expect(el.l.money(5000)).to.equal('¥50');
    expect(el.l.money(1250)).to.equal('¥12.50');
    expect(el.l.number(12000)).to.equal('12,000');
    expect(el.l.date('2026-11-25T12:00:00Z', false, 'Asia/Shanghai')).to.equal('Nov 25, 2026');
    const now = new Date('2026-11-25T12:00:00Z');
    expect(el.l.relative('2026-11-22T12:00:00Z', now)).to.equal('3 days ago');
    el.lang = 'zh-CN';
    await nextFrame();
    await el.updateComplete;
    expect(el.l.money(5000)).to.equal('¥50');
    expect(el.l.relative('2026-11-22T12:00:00Z', now)).to.equal('3天前');
    expect(el.l.relative(now, now)).to.equal('此刻');
  });

  it('normalises language tags and reads the document language', () => {
    expect(normalizeLocale('zh')).to.equal('zh-CN');
    expect(normalizeLocale('EN-us')).to.equal('en');
    expect(normalizeLocale('de')).to.equal(undefined);
    document.documentElement.lang = 'en';
    expect(langOf(document.createElement('div'))).to.equal('en');
  });

  it('reads the document language for an element of a detached tree, even one inside a link', () => {
    document.documentElement.lang = 'en';
    const link = document.createElement('a');
    link.href = 'https://shop.example/';
    const inside = link.appendChild(document.createElement('span'));
    expect(langOf(inside)).to.equal('en');
    link.lang = 'zh-CN';
    expect(langOf(inside)).to.equal('zh-CN');
  });
});

describe('registration and events', () => {
  it('defining a tag twice does not throw, and a different version warns once', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {
      static clVersion = '9.9.9';
    }
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('cl-test-twice', A);
      defineElement('cl-test-twice', A);
      defineElement('cl-test-twice', B);
      defineElement('cl-test-twice', B);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('cl-test-twice')).to.equal(A);
    expect(warnings).to.have.length(1);
    expect(String((warnings[0] as unknown[])[0])).to.contain('9.9.9');
  });

  it('emits bubbling, composed, optionally cancelable events', () => {
    const el = document.createElement('div');
    const seen: Event[] = [];
    el.addEventListener('cl-test-event' as never, (e: Event) => {
      seen.push(e);
      e.preventDefault();
    });
    const notCancelled = emit(el, 'cl-test-event' as never, { n: 1 } as never, { cancelable: true });
    expect(notCancelled).to.equal(false);
    const e = seen[0] as CustomEvent;
    expect([e.bubbles, e.composed, e.cancelable, e.detail.n]).to.deep.equal([true, true, true, 1]);
    expect(emit(el, 'cl-test-event' as never, { n: 2 } as never)).to.equal(true);
  });
});

describe('theme tokens', () => {
  it('renders declarations and a page stylesheet for light, dark and auto', () => {
    expect(themeDeclarations('dark')).to.contain('--cl-color-surface:#1d1f23;');
    expect(themeDeclarations('light')).to.contain('color-scheme:light');
    const css = themeStylesheet();
    expect(css).to.contain('[data-cl-theme="dark"]');
    expect(css).to.contain('prefers-color-scheme: dark');
  });

  it('applies on a page without a provider', async () => {
    const style = document.createElement('style');
    style.textContent = themeStylesheet();
    document.head.append(style);
    const box = await fixture(html`<div data-cl-theme="dark"><cl-test-loc></cl-test-loc></div>`);
    expect(getComputedStyle(box.firstElementChild!).getPropertyValue('--cl-color-text').trim()).to.equal('#e8eaed');
    style.remove();
  });
});
