import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, type HostBridge, type ListScriptsInput, type Script } from '@clienteling/core';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { createLocalAdapter, type LocalAdapter } from '@clienteling/adapter-local';
import { deleteDB } from 'idb';
import '@clienteling/core/define.js';
import '../src/define.js';
import type { ScriptChangeDetail, ScriptLibrary, ScriptUseDetail } from '../src/define.js';
import { SEARCH_DELAY } from '../src/index.js';
import {
  COVER_URL,
  NOW,
  POSTER_URL,
  manyScripts,
  scriptBackend,
  scriptsOfEveryKind,
  type ScriptBackend,
} from './script-backend.js';
import { deferred } from '../../../test/helpers/stub-adapter.js';

type Lang = 'zh-CN' | 'en';

interface MountOptions {
  lang?: Lang;
  customerId?: string;
  bridge?: HostBridge;
  pageSize?: number;
}

async function mount(adapter: ScriptBackend, options: MountOptions = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'zh-CN'}>
      <cl-script-library
        .adapter=${adapter}
        .bridge=${options.bridge}
        .now=${NOW}
        customer-id=${options.customerId ?? ''}
        page-size=${options.pageSize ?? 20}
      ></cl-script-library>
    </div>`,
  );
  return wrapper.querySelector('cl-script-library')!;
}

const root = (el: ScriptLibrary) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: ScriptLibrary) => [...root(el).querySelectorAll<HTMLElement>('[part~="script"]')];
const rowOf = (el: ScriptLibrary, scriptId: string) =>
  root(el).querySelector<HTMLElement>(`[data-script="${scriptId}"]`);
const inRow = (el: ScriptLibrary, scriptId: string, part: string) =>
  rowOf(el, scriptId)?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
const tabs = (el: ScriptLibrary) => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')];
const tabNamed = (el: ScriptLibrary, name: string) => tabs(el).find((tab) => text(tab) === name)!;
const previewOf = (el: ScriptLibrary, scriptId: string) => text(inRow(el, scriptId, 'preview'));
const listCalls = (adapter: ScriptBackend) => adapter.callsTo('listScripts') as ListScriptsInput[];
/** Lets the feedback's entrance animation end (axe measures contrast mid-fade otherwise). */
const animated = () => aTimeout(250);

/** Waits until the tab shows its scripts (or why there are none), the staff and the customer read. */
async function loaded(el: ScriptLibrary, count?: number) {
  await waitUntil(() => root(el).querySelector('[part~="list"], [part~="empty"], [part~="error"]'), 'list shown');
  if (count !== undefined) await waitUntil(() => rows(el).length === count, `${count} scripts shown`);
  await waitUntil(() => tabs(el).length > 1, 'the categories');
}

/** Waits until the first script is filled in for the staff (and the customer when given). */
async function filled(el: ScriptLibrary, customer = true) {
  await loaded(el);
  await waitUntil(
    () => !previewOf(el, 'greet-1').includes('{staffName}') && (!customer || !previewOf(el, 'greet-1').includes('{')),
    'filled in',
  );
}

describe('<cl-script-library>', () => {
  describe('preview', () => {
    const expected: Record<Lang, { tabs: string[]; link: string; mini: string }> = {
      'zh-CN': {
        tabs: ['全部', '我的', '开场问候', '新品推荐', '售后关怀'],
        link: '冬季羊绒系列上新 链接 · shop.example.com',
        mini: '小程序 查看我的订单',
      },
      en: {
        tabs: ['All', 'Mine', '开场问候', '新品推荐', '售后关怀'],
        link: '冬季羊绒系列上新 Link · shop.example.com',
        mini: 'Mini program 查看我的订单',
      },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`fills the variables in for the customer, the associate and the store, and previews cards (${lang})`, async () => {
        const el = await mount(scriptBackend(), { lang, customerId: 'cust-1' });
        await filled(el);
        expect(tabs(el).map(text)).to.deep.equal(expected[lang].tabs);
        // The customer as the associate knows them: the remark first.
        expect(previewOf(el, 'greet-1')).to.equal('陈姐您好，我是南京东路店的王丽，有需要随时找我。');
        expect(inRow(el, 'greet-1', 'unfilled')).to.equal(null);
        expect(text(inRow(el, 'new-1', 'card'))).to.equal(expected[lang].link);
        expect(text(inRow(el, 'after-1', 'card'))).to.equal(expected[lang].mini);
        expect(inRow(el, 'new-2', 'card')!.querySelector('img')!.getAttribute('src')).to.equal(POSTER_URL);
        // Most used first: the adapter's order.
        expect(rows(el).map((row) => row.dataset.script)).to.deep.equal([
          'greet-1',
          'new-1',
          'new-2',
          'own-1',
          'after-1',
          'own-2',
        ]);
        await expect(el).to.be.accessible();
      });
    }

    it('marks a variable without a value, says so to screen readers, and does not send the script as it is', async () => {
      const bridge = stubHostBridge({ entry: 'single-chat' });
      const el = await mount(scriptBackend(), { bridge });
      await filled(el, false);
      const mark = inRow(el, 'greet-1', 'unfilled')!;
      expect(mark.localName).to.equal('mark');
      expect(mark.querySelector('[aria-hidden="true"]')!.textContent).to.equal('{customerName}');
      expect(text(mark.querySelector('.cl-visually-hidden'))).to.equal('未填写：客户姓名');
      expect(text(rowOf(el, 'greet-1')!.querySelector('.unfilled-note'))).to.equal(
        '标出的内容未填写，请复制后补全再发送。',
      );
      expect(rowOf(el, 'greet-1')!.querySelector('cl-host-share')).to.equal(null);
      // A script without that variable is sent.
      expect(rowOf(el, 'own-2')!.querySelector('cl-host-share')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('takes the current customer of the chat from the host when given no customer id', async () => {
      const adapter = scriptBackend();
      const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'cust-1' });
      const el = await mount(adapter, { bridge });
      await filled(el);
      expect(el.customerId).to.equal('cust-1');
      expect(previewOf(el, 'greet-1')).to.match(/^陈姐您好/);
    });

    it('shows how often the associate used a script and when last', async () => {
      const el = await mount(scriptBackend(), { customerId: 'cust-1', lang: 'en' });
      await filled(el);
      expect(text(inRow(el, 'greet-1', 'usage'))).to.equal('Used 12 times · last yesterday');
      expect(inRow(el, 'own-2', 'usage')).to.equal(null);
    });
  });

  describe('tabs and search', () => {
    it('switches tabs with the arrow keys, Home and End, asking the adapter for the category or the own scripts', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await loaded(el, 6);
      tabNamed(el, '全部').focus();
      await sendKeys({ press: 'ArrowRight' });
      await loaded(el, 2);
      expect(el.category).to.equal('own');
      expect(root(el).activeElement).to.equal(tabNamed(el, '我的'));
      expect(tabNamed(el, '我的').getAttribute('aria-selected')).to.equal('true');
      expect(tabNamed(el, '全部').getAttribute('tabindex')).to.equal('-1');
      expect(listCalls(adapter).at(-1)).to.deep.equal({ scope: 'own', limit: 20 });
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'End' });
      await loaded(el, 2);
      expect(el.category).to.equal('cat-after');
      expect(listCalls(adapter).at(-1)).to.deep.equal({ categoryId: 'cat-after', limit: 20 });
      expect(rows(el).map((row) => row.dataset.script)).to.deep.equal(['after-1', 'own-2']);
      await sendKeys({ press: 'ArrowRight' });
      expect(el.category).to.equal('all');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(el.category).to.equal('cat-new');
      expect(root(el).activeElement).to.equal(tabNamed(el, '新品推荐'));
      await sendKeys({ press: 'Home' });
      expect(el.category).to.equal('all');
      const panel = root(el).querySelector('[role="tabpanel"]')!;
      expect(panel.getAttribute('aria-labelledby')).to.equal(tabNamed(el, '全部').id);
    });

    it('asks once for what was typed, after a pause, and shows the answer as soon as it arrives', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await loaded(el, 6);
      const before = listCalls(adapter).length;
      const answer = deferred<void>();
      const list = adapter.listScripts.bind(adapter);
      adapter.listScripts = async (input) => {
        const page = list(input);
        await answer.promise;
        return page;
      };
      root(el).querySelector<HTMLInputElement>('[part~="search"]')!.focus();
      await sendKeys({ type: '新品' });
      await aTimeout(SEARCH_DELAY / 2);
      expect(listCalls(adapter).length).to.equal(before, 'no request while typing');
      await aTimeout(SEARCH_DELAY);
      expect(listCalls(adapter).slice(before)).to.deep.equal([{ query: '新品', limit: 20 }]);
      expect(el.query).to.equal('新品');
      // The scripts shown stay until the answer arrives (no skeleton flash while searching).
      expect(rows(el)).to.have.length(6);
      answer.resolve();
      await new Promise(requestAnimationFrame);
      expect(rows(el).map((row) => row.dataset.script)).to.deep.equal(['new-1', 'new-2']);
    });

    it('drops the answer of an older search that arrives after the newer one', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter);
      await loaded(el, 6);
      const answers: Array<ReturnType<typeof deferred<void>>> = [];
      const list = adapter.listScripts.bind(adapter);
      adapter.listScripts = async (input) => {
        const page = list(input);
        const answer = deferred<void>();
        answers.push(answer);
        await answer.promise;
        return page;
      };
      el.query = '新品';
      await el.updateComplete;
      el.query = '回访';
      await el.updateComplete;
      answers[1]!.resolve();
      await waitUntil(() => rows(el).length === 1, 'the newer answer');
      answers[0]!.resolve();
      await aTimeout(50);
      expect(rows(el).map((row) => row.dataset.script)).to.deep.equal(['own-2']);
    });

    it('a next page that fails says so, and Retry asks for it again', async () => {
      const adapter = scriptBackend({ scripts: manyScripts(15) });
      const el = await mount(adapter, { pageSize: 10 });
      await loaded(el, 10);
      const list = adapter.listScripts.bind(adapter);
      adapter.listScripts = async () => {
        throw new AdapterError('unavailable', 'down');
      };
      root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
      await waitUntil(() => root(el).querySelector('.more-error'), 'the failure');
      expect(text(root(el).querySelector('.more-error'))).to.equal('更多话术没有加载出来。');
      expect(text(root(el).querySelector('[part~="more"]'))).to.equal('重试');
      await expect(el).to.be.accessible();
      adapter.listScripts = list;
      root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
      await loaded(el, 15);
    });

    it('Enter searches at once; a search without results says so', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { lang: 'en' });
      await loaded(el, 6);
      root(el).querySelector<HTMLInputElement>('[part~="search"]')!.focus();
      await sendKeys({ type: '没有' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).querySelector('[part~="empty"]'), 'no results');
      expect(text(root(el).querySelector('[part~="empty"] .empty-title'))).to.equal('No script matches “没有”');
      await expect(el).to.be.accessible();
    });

    it('loads the next page by its cursor with "show more"', async () => {
      const adapter = scriptBackend({ scripts: manyScripts(25) });
      const el = await mount(adapter, { pageSize: 10 });
      await loaded(el, 10);
      root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
      await loaded(el, 20);
      expect(listCalls(adapter).at(-1)).to.deep.equal({ limit: 10, cursor: '10' });
      root(el).querySelector<HTMLButtonElement>('[part~="more"]')!.click();
      await loaded(el, 25);
      expect(root(el).querySelector('[part~="more"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`shows a skeleton while loading, announced (${lang})`, async () => {
        const el = await mount(scriptBackend({ hang: true }), { lang });
        await waitUntil(() => root(el).querySelector('[part~="skeleton"]'), 'skeleton');
        expect(text(root(el).querySelector('[part~="skeleton"] [role="status"]'))).to.equal(
          lang === 'en' ? 'Loading…' : '加载中…',
        );
        await expect(el).to.be.accessible();
      });

      it(`says why a tab is empty: no scripts, none of one's own (${lang})`, async () => {
        const el = await mount(scriptBackend({ scripts: [] }), { lang });
        await loaded(el, 0);
        expect(text(root(el).querySelector('.empty-title'))).to.equal(
          lang === 'en' ? 'No scripts here yet' : '这里还没有话术',
        );
        await expect(el).to.be.accessible();
        el.category = 'own';
        await waitUntil(() => text(root(el).querySelector('.empty-title')).includes(lang === 'en' ? 'own' : '自己'));
        await expect(el).to.be.accessible();
      });

      it(`says why the scripts could not be loaded, and Retry loads them (${lang})`, async () => {
        const adapter = scriptBackend({ failing: { listScripts: new AdapterError('unavailable', 'down') } });
        const el = await mount(adapter, { lang });
        await loaded(el);
        const error = root(el).querySelector('[part~="error"]')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error.querySelector('p'))).to.equal(
          lang === 'en'
            ? 'The service is unavailable. Check the network and try again.'
            : '服务暂不可用，请检查网络后重试。',
        );
        await expect(el).to.be.accessible();
        adapter.listScripts = async () => ({ items: scriptsOfEveryKind(), nextCursor: null });
        error.querySelector('button')!.click();
        await loaded(el, 6);
      });
    }

    it('offers no Retry when trying again cannot help', async () => {
      const el = await mount(scriptBackend({ failing: { listScripts: new AdapterError('forbidden', 'no') } }));
      await loaded(el);
      expect(root(el).querySelector('[part~="error"] button')).to.equal(null);
    });

    it('says when the browser is offline', async () => {
      const el = await mount(scriptBackend());
      await loaded(el, 6);
      const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
      try {
        window.dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(text(root(el).querySelector('[part~="offline"]'))).to.equal(
          '网络已断开，联网前发送或保存的内容可能无法完成。',
        );
        await expect(el).to.be.accessible();
      } finally {
        Object.defineProperty(Navigator.prototype, 'onLine', descriptor);
        window.dispatchEvent(new Event('online'));
      }
    });
  });

  describe('actions', () => {
    it('sends the filled-in script into the chat through the host and records the use', async () => {
      const adapter = scriptBackend();
      const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'cust-1' });
      const el = await mount(adapter, { bridge });
      await filled(el);
      const share = await waitUntil(() =>
        rowOf(el, 'greet-1')!.querySelector('cl-host-share')?.shadowRoot?.querySelector('button'),
      ).then(() => rowOf(el, 'greet-1')!.querySelector('cl-host-share')!.shadowRoot!.querySelector('button')!);
      expect(text(share)).to.equal('发送到聊天');
      share.click();
      await waitUntil(() => adapter.callsTo('recordScriptUse').length === 1, 'the use recorded');
      expect(bridge.sent).to.deep.equal([{ type: 'text', text: '陈姐您好，我是南京东路店的王丽，有需要随时找我。' }]);
      expect(adapter.callsTo('recordScriptUse')).to.deep.equal([
        { scriptId: 'greet-1', channel: 'chat', customerId: 'cust-1' },
      ]);
      await waitUntil(() => text(inRow(el, 'greet-1', 'usage')).startsWith('用过 13 次'), 'the count follows');
      // Cards go as cards.
      rowOf(el, 'new-1')!.querySelector('cl-host-share')!.shadowRoot!.querySelector('button')!.click();
      await waitUntil(() => bridge.sent.length === 2);
      expect(bridge.sent[1]).to.deep.equal({
        type: 'link',
        url: 'https://shop.example.com/winter',
        title: '冬季羊绒系列上新',
        imageUrl: COVER_URL,
      });
      await expect(el).to.be.accessible();
    });

    it('has no send where the host cannot send, nor without a host', async () => {
      const noSend = stubHostBridge({ entry: 'normal', customerId: 'cust-1', capabilities: { sendToChat: false } });
      const el = await mount(scriptBackend(), { bridge: noSend });
      await filled(el);
      await aTimeout(50);
      const button = rowOf(el, 'greet-1')!.querySelector('cl-host-share')?.shadowRoot?.querySelector('button');
      expect(button ?? null).to.equal(null);
      const plain = await mount(scriptBackend(), { customerId: 'cust-1' });
      await filled(plain);
      expect(rowOf(plain, 'greet-1')!.querySelector('cl-host-share')).to.equal(null);
    });

    it('copies the filled-in words with a polite status, and records the use', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      const copied: string[] = [];
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (value: string) => void copied.push(value) },
      });
      try {
        inRow(el, 'greet-1', 'copy')!.click();
        await waitUntil(() => adapter.callsTo('recordScriptUse').length === 1, 'the use recorded');
        expect(copied).to.deep.equal(['陈姐您好，我是南京东路店的王丽，有需要随时找我。']);
        const status = root(el).querySelector('[part~="feedback"]')!;
        expect(status.getAttribute('role')).to.equal('status');
        expect(text(status)).to.equal('已复制。');
        expect(adapter.callsTo('recordScriptUse')).to.deep.equal([
          { scriptId: 'greet-1', channel: 'copy', customerId: 'cust-1' },
        ]);
        // A mini program has nothing to copy.
        expect(inRow(el, 'after-1', 'copy')).to.equal(null);
        await animated();
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
        if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
      }
    });

    it('"use in broadcast" hands the page the script as a broadcast’s content, the customer’s name not filled in', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      const seen: ScriptUseDetail[] = [];
      el.addEventListener('cl-script-use', (e) => seen.push(e.detail));
      inRow(el, 'greet-1', 'broadcast')!.click();
      expect(seen).to.have.length(1);
      expect(seen[0]!.script.id).to.equal('greet-1');
      expect(seen[0]!.content).to.deep.equal({
        text: '{customerName}您好，我是南京东路店的王丽，有需要随时找我。',
        attachments: [],
      });
      expect(seen[0]!.unfilled).to.deep.equal(['customerName']);
      await waitUntil(() => adapter.callsTo('recordScriptUse').length === 1);
      expect(adapter.callsTo('recordScriptUse')[0]).to.deep.equal({
        scriptId: 'greet-1',
        channel: 'broadcast',
        customerId: 'cust-1',
      });
      inRow(el, 'new-2', 'broadcast')!.click();
      expect(seen[1]!.content).to.deep.equal({
        text: '',
        attachments: [{ kind: 'image', image: { url: POSTER_URL, width: 750, height: 400 } }],
      });
    });

    it('has no "use in broadcast" without the capability broadcast', async () => {
      const el = await mount(scriptBackend({ capabilities: { broadcast: false } }), { customerId: 'cust-1' });
      await filled(el);
      expect(root(el).querySelector('[part~="broadcast"]')).to.equal(null);
      expect(inRow(el, 'greet-1', 'copy')).to.not.equal(null);
    });

    it('records no use when the page cancels cl-script-use', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      el.addEventListener('cl-script-use', (e) => e.preventDefault());
      inRow(el, 'greet-1', 'broadcast')!.click();
      await aTimeout(50);
      expect(adapter.callsTo('recordScriptUse')).to.deep.equal([]);
    });
  });

  describe('own scripts', () => {
    const openForm = async (el: ScriptLibrary) => {
      root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
      await waitUntil(() => root(el).querySelector('[part~="form"]'), 'the form');
      await el.updateComplete;
      return root(el).querySelector<HTMLFormElement>('[part~="form"]')!;
    };
    const type = async (field: string, value: string) => {
      const input = document.activeElement?.shadowRoot?.querySelector<HTMLInputElement>(field);
      input!.focus();
      await sendKeys({ type: value });
    };
    const submit = (form: HTMLFormElement) => form.querySelector<HTMLButtonElement>('[type="submit"]')!;

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`writes a new script: counters, the variables to insert, unknown {names} explained before saving (${lang})`, async () => {
        const el = await mount(scriptBackend(), { lang, customerId: 'cust-1' });
        await filled(el);
        const form = await openForm(el);
        expect(root(el).activeElement!.id).to.equal('script-title');
        await expect(el).to.be.accessible();
        await sendKeys({ type: '到店提醒' });
        root(el).querySelector<HTMLTextAreaElement>('#script-text')!.focus();
        await sendKeys({ type: '{name}，' });
        await el.updateComplete;
        const problem = text(form.querySelector('#text-problem'));
        expect(problem).to.equal(
          lang === 'en'
            ? '{name} cannot be filled in. Variables you can use: {customerName} customer’s name, {staffName} your name, ' +
                '{storeName} store name. Remove the braces to keep the words as written.'
            : '{name} 无法自动填写。可用的变量：{customerName} 客户姓名、{staffName} 你的姓名、{storeName} 门店名称。如要按原样发送，请去掉花括号。',
        );
        expect(form.querySelector('#script-text')!.getAttribute('aria-invalid')).to.equal('true');
        expect(submit(form).disabled).to.equal(true);
        await expect(el).to.be.accessible();
        const area = form.querySelector<HTMLTextAreaElement>('#script-text')!;
        area.value = '';
        area.dispatchEvent(new Event('input'));
        area.focus();
        form.querySelector<HTMLButtonElement>('[data-variable="customerName"]')!.click();
        await el.updateComplete;
        await sendKeys({ type: '，新款到了' });
        await el.updateComplete;
        expect(area.value).to.equal('{customerName}，新款到了');
        expect(text(form.querySelector('#text-count [aria-hidden]'))).to.equal('19/1000');
        expect(text(form.querySelector('#title-count [aria-hidden]'))).to.equal('4/30');
        expect(submit(form).disabled).to.equal(false);
      });
    }

    it('opens the form, its code loaded on demand, with the focus in the title; a loading status until it arrives', async () => {
      const el = await mount(scriptBackend());
      await loaded(el, 6);
      root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
      await el.updateComplete;
      const shown = root(el).querySelector('.add-area [part~="form"], .add-area .cl-on-demand[role="status"]');
      expect(shown, 'the form or its loading status').to.not.equal(null);
      await waitUntil(() => root(el).activeElement?.id === 'script-title', 'the focus in the title');
      expect(root(el).querySelector('.cl-on-demand')).to.equal(null);
      expect(root(el).querySelector('[part~="add"]')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('refuses a title over 30 characters before saving', async () => {
      const el = await mount(scriptBackend());
      await loaded(el, 6);
      const form = await openForm(el);
      const title = form.querySelector<HTMLInputElement>('#script-title')!;
      title.value = '字'.repeat(31);
      title.dispatchEvent(new Event('input'));
      const area = form.querySelector<HTMLTextAreaElement>('#script-text')!;
      area.value = '你好';
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text(form.querySelector('#title-problem'))).to.equal('最多 30 个字。');
      expect(submit(form).disabled).to.equal(true);
    });

    it('a new script shows at once; a refusal takes it back, opens the form again, and saving again reuses the request id', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      el.category = 'own';
      await loaded(el, 2);
      const changes: ScriptChangeDetail[] = [];
      el.addEventListener('cl-script-change', (e) => changes.push(e.detail));
      let form = await openForm(el);
      await type('#script-title', '到店提醒');
      root(el).querySelector<HTMLTextAreaElement>('#script-text')!.focus();
      await sendKeys({ type: '{customerName}，新款到了' });
      await el.updateComplete;
      const answer = deferred<Script>();
      adapter.createScript = async (input) => {
        adapter.calls.push(['createScript', input]);
        return answer.promise;
      };
      submit(form).click();
      await el.updateComplete;
      const pending = rows(el)[0]!;
      expect(pending.getAttribute('part')).to.include('script-pending');
      expect(text(pending.querySelector('[part~="preview"]'))).to.equal('陈姐，新款到了');
      expect(root(el).querySelector('[part~="form"]')).to.equal(null);
      answer.reject(new AdapterError('unavailable', 'down'));
      await waitUntil(() => root(el).querySelector('[part~="form"]'), 'the form again');
      expect(rows(el)).to.have.length(2);
      form = root(el).querySelector<HTMLFormElement>('[part~="form"]')!;
      expect(text(form.querySelector('[role="alert"]'))).to.equal(
        '没有保存：服务暂不可用，请检查网络后重试。可再次保存重试。',
      );
      expect(form.querySelector<HTMLInputElement>('#script-title')!.value).to.equal('到店提醒');
      await expect(el).to.be.accessible();
      adapter.createScript = async (input) => {
        adapter.calls.push(['createScript', input]);
        return { ...scriptsOfEveryKind()[4]!, ...input, id: 'made-1', useCount: 0 } as Script;
      };
      submit(form).click();
      await waitUntil(() => rowOf(el, 'made-1'), 'the saved script');
      const [first, second] = adapter.callsTo('createScript') as Array<{ requestId: string }>;
      expect(second!.requestId).to.equal(first!.requestId);
      expect(adapter.callsTo('createScript')[1]).to.deep.include({
        categoryId: 'cat-greet',
        title: '到店提醒',
        content: { kind: 'text', text: '{customerName}，新款到了' },
      });
      expect(changes.map((change) => [change.change, change.script.id])).to.deep.equal([['create', 'made-1']]);
      expect(text(root(el).querySelector('[part~="feedback"]'))).to.equal('已保存：到店提醒');
      // The next new script gets a request id of its own.
      form = await openForm(el);
      await type('#script-title', '第二条');
      root(el).querySelector<HTMLTextAreaElement>('#script-text')!.focus();
      await sendKeys({ type: '好的' });
      await el.updateComplete;
      submit(form).click();
      await waitUntil(() => adapter.callsTo('createScript').length === 3);
      expect((adapter.callsTo('createScript')[2] as { requestId: string }).requestId).to.not.equal(first!.requestId);
    });

    it('an edit shows at once, sends only what changed, and is taken back when refused', async () => {
      const adapter = scriptBackend({
        failing: { updateScript: new AdapterError('forbidden', 'no', { reason: 'company-script' }) },
      });
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      inRow(el, 'own-2', 'edit')!.click();
      await waitUntil(() => root(el).querySelector('[part~="form"]'));
      await el.updateComplete;
      const form = root(el).querySelector<HTMLFormElement>('[part~="form"]')!;
      expect(text(form.querySelector('h3'))).to.equal('编辑话术');
      expect(form.querySelector<HTMLTextAreaElement>('#script-text')!.value).to.equal('衣服穿着还合适吗？');
      const title = form.querySelector<HTMLInputElement>('#script-title')!;
      title.value = '售后回访';
      title.dispatchEvent(new Event('input'));
      await el.updateComplete;
      submit(form).click();
      await el.updateComplete;
      await waitUntil(() => adapter.callsTo('updateScript').length === 1);
      expect(adapter.callsTo('updateScript')[0]).to.deep.equal({ scriptId: 'own-2', title: '售后回访' });
      await waitUntil(() => root(el).querySelector('[part~="form"] [role="alert"]'), 'the refusal');
      expect(text(inRow(el, 'own-2', 'title'))).to.equal('回访');
    });

    it('an edit the adapter saves replaces the script and emits cl-script-change', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      const changes: ScriptChangeDetail[] = [];
      el.addEventListener('cl-script-change', (e) => changes.push(e.detail));
      inRow(el, 'own-2', 'edit')!.click();
      await waitUntil(() => root(el).querySelector('[part~="form"]'));
      await el.updateComplete;
      const area = root(el).querySelector<HTMLTextAreaElement>('#script-text')!;
      area.value = '{customerName}，衣服穿着还合适吗？';
      area.dispatchEvent(new Event('input'));
      await el.updateComplete;
      submit(root(el).querySelector<HTMLFormElement>('[part~="form"]')!).click();
      await waitUntil(() => changes.length === 1);
      expect(adapter.callsTo('updateScript')[0]).to.deep.equal({
        scriptId: 'own-2',
        content: { kind: 'text', text: '{customerName}，衣服穿着还合适吗？' },
      });
      expect(previewOf(el, 'own-2')).to.equal('陈姐，衣服穿着还合适吗？');
      expect(changes[0]!.change).to.equal('update');
    });

    it('an own card keeps its content when edited: only the category and title are asked', async () => {
      const card: Script = {
        ...scriptsOfEveryKind()[1]!,
        id: 'own-card',
        scope: 'own',
        ownerId: 'staff-1',
        title: '我的链接',
      };
      const adapter = scriptBackend({ scripts: [card] });
      const el = await mount(adapter);
      await loaded(el, 1);
      inRow(el, 'own-card', 'edit')!.click();
      await waitUntil(() => root(el).querySelector('[part~="form"]'));
      expect(root(el).querySelector('#script-text')).to.equal(null);
      const category = root(el).querySelector<HTMLSelectElement>('#script-category')!;
      category.value = 'cat-greet';
      category.dispatchEvent(new Event('change'));
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('[part~="form"] [type="submit"]')!.click();
      await waitUntil(() => adapter.callsTo('updateScript').length === 1);
      expect(adapter.callsTo('updateScript')[0]).to.deep.equal({ scriptId: 'own-card', categoryId: 'cat-greet' });
      await waitUntil(() => text(root(el).querySelector('[part~="feedback"]')) === '已保存：我的链接');
      expect(text(inRow(el, 'own-card', 'card'))).to.include('冬季羊绒系列上新');
      await animated();
      await expect(el).to.be.accessible();
    });

    it('a delete asks first (Escape keeps the script), leaves at once and comes back where it was when refused', async () => {
      const adapter = scriptBackend({ failing: { deleteScript: new AdapterError('unavailable', 'down') } });
      const el = await mount(adapter, { customerId: 'cust-1' });
      await filled(el);
      inRow(el, 'own-1', 'delete')!.click();
      await el.updateComplete;
      expect(text(inRow(el, 'own-1', 'confirm')!.querySelector('p'))).to.equal('删除“我的开场白”？');
      expect(root(el).activeElement!.textContent!.trim()).to.equal('删除');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(inRow(el, 'own-1', 'confirm')).to.equal(null);
      expect(root(el).activeElement).to.equal(inRow(el, 'own-1', 'delete'));
      inRow(el, 'own-1', 'delete')!.click();
      await el.updateComplete;
      const index = rows(el).findIndex((row) => row.dataset.script === 'own-1');
      inRow(el, 'own-1', 'confirm')!.querySelector<HTMLButtonElement>('[data-variant="danger"]')!.click();
      await el.updateComplete;
      expect(rowOf(el, 'own-1')).to.equal(null);
      await waitUntil(() => rowOf(el, 'own-1'), 'back after the refusal');
      expect(rows(el).findIndex((row) => row.dataset.script === 'own-1')).to.equal(index);
      expect(text(root(el).querySelector('[part~="feedback"]'))).to.equal('没有删除：服务暂不可用，请检查网络后重试。');
    });

    it('a confirmed delete the adapter does emits cl-script-change', async () => {
      const adapter = scriptBackend();
      const el = await mount(adapter);
      await loaded(el, 6);
      const changes: ScriptChangeDetail[] = [];
      el.addEventListener('cl-script-change', (e) => changes.push(e.detail));
      inRow(el, 'own-1', 'delete')!.click();
      await el.updateComplete;
      inRow(el, 'own-1', 'confirm')!.querySelector<HTMLButtonElement>('[data-variant="danger"]')!.click();
      await waitUntil(() => changes.length === 1);
      expect(adapter.callsTo('deleteScript')).to.deep.equal([{ scriptId: 'own-1' }]);
      expect(changes[0]!.change).to.equal('delete');
      expect(rowOf(el, 'own-1')).to.equal(null);
    });

    it('Escape closes the form and gives the focus back to "New script"', async () => {
      const el = await mount(scriptBackend());
      await loaded(el, 6);
      await openForm(el);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('[part~="form"]')).to.equal(null);
      expect(root(el).activeElement).to.equal(root(el).querySelector('[part~="add"]'));
    });

    it('without the capability manageScripts: no Mine tab, no new, edit or delete', async () => {
      const el = await mount(scriptBackend({ capabilities: { manageScripts: false } }));
      await loaded(el, 6);
      expect(tabs(el).map(text)).to.deep.equal(['全部', '开场问候', '新品推荐', '售后关怀']);
      expect(root(el).querySelector('[part~="add"]')).to.equal(null);
      expect(root(el).querySelector('[part~="edit"], [part~="delete"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});

describe('<cl-script-library> on adapter-local', () => {
  const dbName = `script-library-${Date.now()}`;
  let local: LocalAdapter | undefined;
  afterEach(async () => {
    local?.close();
    local = undefined;
    await deleteDB(dbName);
  });

  it('lists the seeded library most used first, fills it in for a customer, and saves an own script the adapter then lists', async () => {
    local = createLocalAdapter({ dbName });
    const adapter = local;
    const [{ items: customers }, categoryList, firstPage, staff] = await Promise.all([
      adapter.searchCustomers({ limit: 1 }),
      adapter.listScriptCategories({}),
      adapter.listScripts({ limit: 20 }),
      adapter.getCurrentStaff({}),
    ]);
    const customer = customers[0]!;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-CN">
        <cl-script-library .adapter=${adapter} customer-id=${customer.id}></cl-script-library>
      </div>`,
    );
    const el = wrapper.querySelector('cl-script-library')!;
    await waitUntil(() => rows(el).length === firstPage.items.length, 'the first page', { timeout: 5000 });
    await waitUntil(() => tabs(el).length === categoryList.length + 2, 'the categories');
    expect(tabs(el).slice(2).map(text)).to.deep.equal(categoryList.map((category) => category.name));
    expect(rows(el).map((row) => row.dataset.script)).to.deep.equal(firstPage.items.map((script) => script.id));
    const withName = firstPage.items.find(
      (script) => script.content.kind === 'text' && script.content.text.includes('{customerName}'),
    )!;
    await waitUntil(() => inRow(el, withName.id, 'preview')?.querySelector('.filled[data-variable="customerName"]'));
    const filledName = rowOf(el, withName.id)!.querySelector('.filled[data-variable="customerName"]')!;
    expect(filledName.textContent).to.equal(customer.remark || customer.name);
    const staffNames = [...root(el).querySelectorAll('.filled[data-variable="staffName"]')].map(text);
    expect(staffNames.length).to.be.greaterThan(0);
    expect(new Set(staffNames)).to.deep.equal(new Set([staff.name]));

    root(el).querySelector<HTMLButtonElement>('[part~="add"]')!.click();
    await waitUntil(() => root(el).querySelector('#script-title'));
    const title = root(el).querySelector<HTMLInputElement>('#script-title')!;
    title.value = '到店提醒';
    title.dispatchEvent(new Event('input'));
    const area = root(el).querySelector<HTMLTextAreaElement>('#script-text')!;
    area.value = '{customerName}，您上次问的那款到店了';
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part~="form"] [type="submit"]')!.click();
    await waitUntil(() => text(root(el).querySelector('[part~="feedback"]')) === '已保存：到店提醒', 'saved', {
      timeout: 5000,
    });
    const own = await adapter.listScripts({ scope: 'own', query: '到店提醒', limit: 5 });
    expect(own.items.map((script) => script.title)).to.deep.equal(['到店提醒']);
    expect(rowOf(el, own.items[0]!.id)).to.not.equal(null);
    await animated();
    await expect(el).to.be.accessible();
  });
});
