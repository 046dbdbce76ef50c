import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import {
  ClientelingElement,
  DEFAULT_ADAPTER_TIMEOUT,
  LocalizeController,
  baseStyles,
  defineElement,
  defineMessages,
  renderCounter,
  safeImageUrl,
  setMessages,
} from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import { AdapterError, withValidation, type ClientelingAdapter } from '@clienteling/core';
import { fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';
import { rejection } from '../../../test/helpers/rejection.js';
import { backgroundBehind, contrastRatio, textContrast } from '../../../test/helpers/contrast.js';

const messages = defineMessages({ 'kit.hello': '你好' }, async () => ({ default: { 'kit.hello': 'Hello' } }));

/** A minimal element: its adapter, a button in the brand colour, a search box, the offline notice. */
class KitProbe extends ClientelingElement {
  static override styles = baseStyles;
  readonly localize = new LocalizeController(this, messages);
  get currentApi(): ClientelingAdapter | undefined {
    return this.api;
  }
  protected override render() {
    return litHtml`${this.renderOfflineNotice()}<p>${this.localize.t('kit.hello')}</p
      ><button class="cl-button" data-variant="primary">Send</button
      ><input aria-label="Search" placeholder="Search" />`;
  }
}
defineElement('cl-test-kit-probe', KitProbe);

const never = () => new Promise<never>(() => {});

describe('element kit: adapter timeout', () => {
  it('gives up on a call that never settles after the element timeout, as a retryable timeout', async () => {
    const adapter = stubAdapter({ getCurrentStaff: never });
    const el = await fixture<KitProbe>(
      html`<cl-test-kit-probe .adapter=${adapter} .timeout=${30}></cl-test-kit-probe>`,
    );
    const error = await rejection(el.currentApi!.getCurrentStaff({}));
    expect([error.code, error.reason, error.retryable]).to.deep.equal(['unavailable', 'timeout', true]);
  });

  it('takes the timeout from the provider, and waits 15 s by default', async () => {
    expect(DEFAULT_ADAPTER_TIMEOUT).to.equal(15_000);
    const adapter = stubAdapter({ getCurrentStaff: never });
    const page = await fixture(
      html`<cl-provider .adapter=${adapter} .timeout=${30}><cl-test-kit-probe></cl-test-kit-probe></cl-provider>`,
    );
    const el = page.querySelector<KitProbe>('cl-test-kit-probe')!;
    await el.updateComplete;
    const error = await rejection(el.currentApi!.getCurrentStaff({}));
    expect(error.reason).to.equal('timeout');
  });

  it('leaves uploads to their own progress and cancellation, not the call timeout', async () => {
    const adapter = stubAdapter({
      uploadMedia: () =>
        new Promise((resolve) => setTimeout(() => resolve({ url: 'https://cdn.example/a.jpg', size: 1 }), 80)),
    });
    const el = await fixture<KitProbe>(
      html`<cl-test-kit-probe .adapter=${adapter} .timeout=${20}></cl-test-kit-probe>`,
    );
    const uploaded = await el.currentApi!.uploadMedia({ file: new Blob(['x']), kind: 'image' });
    expect(uploaded.url).to.equal('https://cdn.example/a.jpg');
  });

  it('passes answers and adapter errors within the timeout through', async () => {
    const adapter = stubAdapter({
      getCurrentStaff: async () => fixtures.staff({ id: 'me' }),
      getGroup: async () => {
        throw new AdapterError('forbidden', 'no');
      },
    });
    const el = await fixture<KitProbe>(html`<cl-test-kit-probe .adapter=${adapter}></cl-test-kit-probe>`);
    expect((await el.currentApi!.getCurrentStaff({})).id).to.equal('me');
    expect((await rejection(el.currentApi!.getGroup({ groupId: 'g' }))).code).to.equal('forbidden');
  });
});

describe('element kit: offline notice', () => {
  const setOnline = (online: boolean) => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
    dispatchEvent(new Event(online ? 'online' : 'offline'));
  };
  afterEach(() => {
    delete (navigator as { onLine?: boolean }).onLine;
  });

  it('says so in a live region when the network goes, and clears when it is back', async () => {
    const el = await fixture<KitProbe>(html`<cl-test-kit-probe lang="en"></cl-test-kit-probe>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.textContent!.trim()).to.equal('');
    setOnline(false);
    await el.updateComplete;
    expect(region.textContent).to.contain('You are offline');
    await expect(el).to.be.accessible();
    setOnline(true);
    await el.updateComplete;
    expect(region.textContent!.trim()).to.equal('');
  });

  it('starts with the notice when the page is already offline', async () => {
    setOnline(false);
    const el = await fixture<KitProbe>(html`<cl-test-kit-probe lang="zh-CN"></cl-test-kit-probe>`);
    expect(el.shadowRoot!.querySelector('.cl-offline')!.textContent).to.contain('网络已断开');
  });
});

describe('element kit: image URL policy', () => {
  it('allows https, relative, same-origin and data:image URLs', () => {
    const same = new URL('/a.png', location.href).href;
    for (const url of ['https://cdn.example.com/a.jpg', '/avatars/7.png', 'a.png', same, 'data:image/png;base64,AA']) {
      expect(safeImageUrl(url), url).to.equal(url);
    }
  });

  it('refuses every other scheme, also disguised', () => {
    const refused = [
      'tel:10086',
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://elsewhere.example/a.png',
      'file:///etc/passwd',
      'blob:https://elsewhere.example/1',
      '',
    ];
    for (const url of refused) expect(safeImageUrl(url), url).to.equal(undefined);
    expect(safeImageUrl(undefined)).to.equal(undefined);
  });
});

describe('element kit: hostile rejections', () => {
  it("never calls a rejected object's toString (nor valueOf, nor Symbol.toPrimitive)", async () => {
    let called = 0;
    const hostile = {
      toString: () => String(++called),
      valueOf: () => ++called,
      [Symbol.toPrimitive]: () => String(++called),
    };
    const api = withValidation(stubAdapter({ getCurrentStaff: () => Promise.reject(hostile) }));
    const error = await rejection(api.getCurrentStaff({}));
    expect(error.code).to.equal('unavailable');
    expect(called).to.equal(0);
  });
});

describe('element kit: setMessages across copies of the library', () => {
  it('overrides the strings of elements from another loaded copy', async () => {
    const el = await fixture<KitProbe>(html`<cl-test-kit-probe lang="en"></cl-test-kit-probe>`);
    // A second copy of the localization module, as a second bundle on the page would have.
    const otherCopy: typeof import('@clienteling/core/elements.js') = await import(
      // @ts-expect-error a query string makes the browser load the module again
      '../src/localize.ts?second-copy'
    );
    expect(otherCopy.setMessages).to.not.equal(setMessages);
    otherCopy.setMessages('en', { 'kit.hello': 'Howdy' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Howdy');
    setMessages('en', { 'kit.hello': 'Hello' });
  });
});

describe('element kit: dark theme', () => {
  it('paints the page content inside a themed provider: text colour and background', async () => {
    const page = await fixture(html`<cl-provider theme="dark"><p id="shell">Header</p></cl-provider>`);
    const shell = page.querySelector('#shell')!;
    expect(textContrast(shell)).to.be.at.least(4.5);
    expect(contrastRatio(backgroundBehind(shell), [255, 255, 255, 1])).to.be.greaterThan(10);
  });

  it('keeps an element readable on a white page inside a dark provider', async () => {
    const page = await fixture(html`<cl-provider theme="dark"><cl-test-kit-probe></cl-test-kit-probe></cl-provider>`);
    const el = page.querySelector<KitProbe>('cl-test-kit-probe')!;
    await el.updateComplete;
    expect(textContrast(el.shadowRoot!.querySelector('p')!)).to.be.at.least(4.5);
  });

  it('keeps the brand colour readable in dark when a page overrides --cl-color-primary', async () => {
    const style = document.createElement('style');
    // The documented pair: a brand colour for white, and its variant for dark surfaces.
    style.textContent =
      ':root { --cl-color-primary: #0b3d91; --cl-color-on-primary: #ffffff; --cl-color-primary-dark: #8ab4ff; }';
    document.head.append(style);
    try {
      const page = await fixture(
        html`<div
          ><cl-provider theme="light"><cl-test-kit-probe id="light"></cl-test-kit-probe></cl-provider
          ><cl-provider theme="dark"><cl-test-kit-probe id="dark"></cl-test-kit-probe></cl-provider
        ></div>`,
      );
      for (const id of ['light', 'dark']) {
        const el = page.querySelector<KitProbe>(`#${id}`)!;
        await el.updateComplete;
        const button = el.shadowRoot!.querySelector('button')!;
        const fill = getComputedStyle(button).backgroundColor;
        expect(contrastRatio(getComputedStyle(button).color, fill), `${id} text on brand`).to.be.at.least(4.5);
        // The brand colour used as text or an edge on the element's surface (links, outlines).
        expect(contrastRatio(fill, backgroundBehind(el)), `${id} brand on surface`).to.be.at.least(3);
      }
      const fillOf = (id: string) =>
        getComputedStyle(page.querySelector(`#${id}`)!.shadowRoot!.querySelector('button')!).backgroundColor;
      expect(fillOf('light')).to.equal('rgb(11, 61, 145)');
      expect(fillOf('dark')).to.equal('rgb(138, 180, 255)');
    } finally {
      style.remove();
    }
  });

  it('shows placeholder text at 4.5:1 in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const page = await fixture(
        html`<cl-provider theme=${theme}><cl-test-kit-probe></cl-test-kit-probe></cl-provider>`,
      );
      const el = page.querySelector<KitProbe>('cl-test-kit-probe')!;
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector('input')!;
      const placeholder = getComputedStyle(input, '::placeholder').color;
      expect(textContrast(input, placeholder), theme).to.be.at.least(4.5);
    }
  });
});

/** An element showing one character counter, in the language of its `lang`. */
class CounterProbe extends ClientelingElement {
  readonly localize = new LocalizeController(this, messages);
  length = 0;
  spoken?: string;
  protected override render() {
    const { localize, length, spoken } = this;
    return renderCounter({ localize, id: 'count', length, max: 10, spoken });
  }
}
defineElement('cl-test-counter-probe', CounterProbe);

describe('element kit: character counter', () => {
  const counterOf = async (length: number, lang = 'zh-CN', spoken?: string) => {
    const el = await fixture<CounterProbe>(
      html`<cl-test-counter-probe lang=${lang} .length=${length} .spoken=${spoken}></cl-test-counter-probe>`,
    );
    await el.updateComplete;
    return el.shadowRoot!.querySelector<HTMLElement>('#count')!;
  };
  const shown = (counter: HTMLElement) => counter.querySelector('[aria-hidden="true"]')!.textContent;
  const spokenText = (counter: HTMLElement) => counter.querySelector('.cl-visually-hidden')!.textContent;

  it('shows "typed/limit" and says it in words, in the danger colour only past the limit', async () => {
    const within = await counterOf(10);
    expect([shown(within), spokenText(within)]).to.deep.equal(['10/10', '已输入 10 个字，最多 10 个字']);
    expect(within.getAttribute('part')).to.equal('counter');
    expect(within.classList.contains('over')).to.equal(false);
    expect((await counterOf(11)).classList.contains('over')).to.equal(true);
  });

  it('speaks English in English, and what the element says instead when it gives words of its own', async () => {
    expect(spokenText(await counterOf(3, 'en'))).to.equal('3 of at most 10 characters');
    expect(spokenText(await counterOf(2, 'zh-CN', '已有 2 个号码'))).to.equal('已有 2 个号码');
  });
});
