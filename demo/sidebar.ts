// The sidebar demo: our page as WeCom shows it in a chat's sidebar (聊天工具栏). A simulated client
// (single chat with a customer, a customer group chat, or a plain browser for comparison) around a
// `<cl-provider>` with the default adapter and a host bridge. The WeCom SDK is a fake with the
// documented call and result shapes, injected through `loadSdk`; what the page sends into the chat
// appears in the chat pane. The elements get no customer-id / group-id: they take the current
// customer or group from the bridge.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { createLocalAdapter } from '@clienteling/adapter-local';
import type { HostBridge } from '@clienteling/core';
import { detectHostBridge } from '@clienteling/host-bridge';
import { fakeWecom } from '@clienteling/host-bridge/testing.js';
import '@clienteling/core/define.js';
import '@clienteling/customer-profile/define.js';
import '@clienteling/customer-timeline/define.js';
import '@clienteling/tag-editor/define.js';
import '@clienteling/coupon-dispenser/define.js';
import '@clienteling/moments-composer/define.js';
import '@clienteling/group-member-list/define.js';
import '@clienteling/script-library/define.js';
import {
  applySettings,
  otherLocale,
  otherTheme,
  savedLocale,
  savedTheme,
  type DemoLocale,
  type DemoTheme,
} from './settings.js';
import { renderTablist, tabId, tablistStyles } from './tablist.js';

// The chat sidebar answers in the chat; broadcasts are the workspace's (demo/index.html, 群发 tab), so the
// script library here offers send and copy, not "use in broadcast".
const adapter = createLocalAdapter({ capabilities: { broadcast: false } });
// After a reload the page keeps its language and theme.
applySettings(savedLocale(), savedTheme());

/** WeCom 4.1 on an Android phone: what the simulated client reports as its user agent. */
const WECOM_UA = [
  'Mozilla/5.0 (Linux; Android 12; wv) AppleWebKit/537.36 (KHTML, like Gecko)',
  'Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36',
  'wxwork/4.1.10 MicroMessenger/7.0.1 NetType/WIFI Language/zh',
].join(' ');

/** The ways the simulated client can open the sidebar page, in the order of the switch. */
const MODES = ['single', 'group', 'browser'] as const;

type Mode = (typeof MODES)[number];

type View = 'timeline' | 'tags' | 'coupons' | 'moments' | 'scripts' | 'members';

/**
 * The sidebar's tabs. A single chat (and a plain browser) opens on the customer's profile with the
 * timeline first, the scripts (话术) for the chat last; a group chat on the group's members.
 */
const VIEWS: Record<Mode, readonly View[]> = {
  single: ['timeline', 'tags', 'coupons', 'moments', 'scripts'],
  group: ['members', 'moments'],
  browser: ['timeline', 'tags', 'coupons', 'moments', 'scripts'],
};

const words = {
  'zh-CN': {
    title: '聊天工具栏（模拟）',
    mode: '打开场景',
    single: '客户单聊',
    group: '客户群聊',
    browser: '普通浏览器',
    fail: '模拟“无权限”',
    language: 'English',
    dark: '深色',
    light: '浅色',
    chat: '会话',
    sidebar: '工具栏',
    empty: '还没有发送任何内容。在工具栏里发话术、发券或分享，发送的内容会出现在这里。',
    noChat: '普通浏览器里没有会话：“发送到聊天”会打开系统分享或复制到剪贴板。',
    loading: '正在读取演示数据…',
    views: '工具',
    viewNames: {
      timeline: '动态',
      tags: '标签',
      coupons: '发券',
      moments: '朋友圈',
      scripts: '话术',
      members: '群成员',
    },
    moments: '已发表到客户朋友圈',
    failed: '发送失败',
    miniprogram: '小程序',
    customerChat: (name: string) => `与 ${name} 的单聊`,
    groupChat: (name: string) => `客户群：${name}`,
    entry: (kind: string, entry: string) => `桥接：${kind} · 场景：${entry}`,
    entries: {
      'single-chat': '单聊工具栏',
      'group-chat': '群聊工具栏',
      'customer-profile': '客户详情页',
      normal: '其他入口',
    } as Record<string, string>,
  },
  en: {
    title: 'Chat sidebar (simulated)',
    mode: 'Opened from',
    single: 'Customer chat',
    group: 'Customer group',
    browser: 'Plain browser',
    fail: 'Simulate "no permission"',
    language: '中文',
    dark: 'Dark',
    light: 'Light',
    chat: 'Chat',
    sidebar: 'Sidebar',
    empty: 'Nothing sent yet. Send a script or a coupon, or share from the sidebar: what is sent appears here.',
    noChat: 'A plain browser has no chat: "send to chat" opens the system share sheet or copies to the clipboard.',
    loading: 'Reading the demo data…',
    views: 'Tools',
    viewNames: {
      timeline: 'Timeline',
      tags: 'Tags',
      coupons: 'Coupons',
      moments: 'Moments',
      scripts: 'Scripts',
      members: 'Members',
    },
    moments: 'Posted to customer moments',
    failed: 'Not sent',
    miniprogram: 'Mini program',
    customerChat: (name: string) => `Chat with ${name}`,
    groupChat: (name: string) => `Customer group: ${name}`,
    entry: (kind: string, entry: string) => `Bridge: ${kind} · entry: ${entry}`,
    entries: {
      'single-chat': 'single chat toolbar',
      'group-chat': 'group chat toolbar',
      'customer-profile': 'customer profile',
      normal: 'other',
    } as Record<string, string>,
  },
} as const;

/** One line of the simulated chat: what `sendChatMessage` / `shareToExternalMoments` received. */
interface LogLine {
  id: number;
  api: string;
  params: Record<string, unknown>;
  error?: string;
}

/** A string field of what the SDK received, or '' when it is missing or not a string. */
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

@customElement('demo-sidebar')
export class DemoSidebar extends LitElement {
  static override styles = [
    tablistStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--cl-color-surface-muted, #f3f4f6);
        color: var(--cl-color-text, #1f2329);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        padding: 8px 12px;
        background: var(--cl-color-surface, #fff);
        border-bottom: 1px solid var(--cl-color-border, #d5d9df);
      }
      h1 {
        flex: 1 1 100%;
        margin: 0;
        font-size: 17px;
      }
      fieldset {
        display: flex;
        gap: 4px;
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      button,
      label.toggle {
        font: inherit;
        min-height: 44px;
        display: inline-flex;
        align-items: center;
        gap: 6px;
        border: 1px solid var(--cl-color-border, #d5d9df);
        background: var(--cl-color-surface, #fff);
        color: inherit;
        border-radius: 8px;
        padding: 0 10px;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        border-color: var(--cl-color-primary, #0a7d3e);
        color: var(--cl-color-primary, #0a7d3e);
        font-weight: 600;
      }
      button:focus-visible,
      label.toggle:focus-within {
        outline: 2px solid var(--cl-color-focus, #1764c0);
        outline-offset: 2px;
      }
      .client {
        display: grid;
        gap: 8px;
        padding: 8px;
      }
      /* On a phone the sidebar page fills the screen: what was sent shows below it. */
      .chat {
        order: 2;
      }
      @media (min-width: 800px) {
        .client {
          grid-template-columns: minmax(0, 1fr) 375px;
          align-items: start;
        }
        .chat {
          order: 0;
        }
        .sidebar {
          position: sticky;
          top: 8px;
          max-height: calc(100vh - 16px);
          overflow: auto;
        }
      }
      .pane {
        background: var(--cl-color-surface, #fff);
        border: 1px solid var(--cl-color-border, #d5d9df);
        border-radius: 12px;
        overflow: hidden;
      }
      .pane > h2 {
        margin: 0;
        padding: 10px 12px;
        font-size: 15px;
        border-bottom: 1px solid var(--cl-color-border, #d5d9df);
      }
      .pane > .meta {
        margin: 0;
        padding: 4px 12px;
        font-size: 12px;
        color: var(--cl-color-text-secondary, #575e69);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 12px;
        display: flex;
        flex-direction: column;
        gap: 8px;
        min-height: 120px;
      }
      .hint {
        color: var(--cl-color-text-secondary, #575e69);
        font-size: 14px;
      }
      .bubble {
        align-self: flex-end;
        max-width: 85%;
        padding: 8px 12px;
        border-radius: 12px;
        background: var(--cl-color-primary, #0a7d3e);
        color: var(--cl-color-on-primary, #fff);
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .card {
        align-self: flex-end;
        width: min(280px, 85%);
        padding: 10px 12px;
        border-radius: 12px;
        border: 1px solid var(--cl-color-border, #d5d9df);
        background: var(--cl-color-surface, #fff);
        overflow-wrap: anywhere;
      }
      .card strong {
        display: block;
      }
      .card small {
        display: block;
        color: var(--cl-color-text-secondary, #575e69);
      }
      .card img,
      .bubble img {
        display: block;
        max-width: 100%;
        margin-top: 6px;
        border-radius: 6px;
      }
      .error {
        align-self: flex-end;
        color: var(--cl-color-danger, #c4271d);
        font-size: 14px;
      }
      section {
        padding: 12px;
        border-top: 1px solid var(--cl-color-border, #d5d9df);
      }
      /* Five tools do not fit a phone's width in every language: the row scrolls, the page does not. */
      .tabs {
        overflow-x: auto;
        scrollbar-width: none;
      }
      .tabs button {
        flex: 1 0 auto;
        padding: 0 10px;
        white-space: nowrap;
      }
    `,
  ];

  @state() private locale: DemoLocale = savedLocale();
  @state() private theme: DemoTheme = savedTheme();
  @state() private mode: Mode = (localStorage.getItem('demo.sidebar.mode') as Mode | null) ?? 'single';
  @state() private failSend = false;
  @state() private view: View = VIEWS[this.mode][0]!;
  @state() private customer?: { id: string; name: string };
  @state() private group?: { id: string; name: string };
  @state() private bridge?: HostBridge;
  @state() private entry = '';
  @state() private log: LogLine[] = [];

  /** Images "uploaded" to WeCom's media store, by media ID, so the chat can show them. */
  private readonly media = new Map<string, string>();
  private nextId = 1;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  /** The first customer of the signed-in associate and their first group, from the seed. */
  private async load() {
    const [customers, groups] = await Promise.all([
      adapter.searchCustomers({ limit: 1 }),
      adapter.listGroups({ limit: 1 }),
    ]);
    const customer = customers.items[0];
    const group = groups.items[0];
    this.customer = customer ? { id: customer.id, name: customer.name } : undefined;
    this.group = group ? { id: group.id, name: group.name } : undefined;
    this.makeBridge();
  }

  /** A new bridge for the chosen mode, as a page would get from `detectHostBridge` on load. */
  private makeBridge() {
    const sdk = fakeWecom({
      entry: this.mode === 'group' ? 'group_chat_tools' : 'single_chat_tools',
      ...(this.customer ? { userId: this.customer.id } : {}),
      ...(this.group ? { chatId: this.group.id } : {}),
      ...(this.failSend
        ? { fail: { sendChatMessage: 'fail no permission', shareToExternalMoments: 'fail no permission' } }
        : {}),
      onCall: async (api, params) => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        if (api !== 'sendChatMessage' && api !== 'shareToExternalMoments') return;
        const error = this.failSend ? `${api}:fail no permission` : undefined;
        this.log = [
          ...this.log,
          { id: this.nextId++, api, params: params as Record<string, unknown>, ...(error ? { error } : {}) },
        ];
      },
    });
    const sign = async () => ({
      timestamp: Math.floor(Date.now() / 1000),
      nonceStr: 'demo',
      signature: 'demo-signature',
    });
    const bridge = detectHostBridge({
      userAgent: this.mode === 'browser' ? navigator.userAgent.replace(/wxwork\/[\d.]+/i, '') : WECOM_UA,
      window: {},
      wecom: {
        corpId: 'ww-demo-corp',
        agentId: 1000002,
        getConfigSignature: sign,
        getAgentConfigSignature: sign,
        loadSdk: async () => sdk,
        getImageMediaId: async (url) => {
          const id = `MEDIA_${this.media.size + 1}`;
          this.media.set(id, url);
          return id;
        },
      },
    });
    this.bridge = bridge;
    this.entry = '';
    void bridge.getEntry().then(
      (entry) => {
        if (this.bridge === bridge) this.entry = entry;
      },
      (error: Error) => {
        if (this.bridge === bridge) this.entry = error.message;
      },
    );
  }

  private handleModeClick(mode: Mode) {
    if (mode === this.mode) return;
    this.mode = mode;
    this.view = VIEWS[mode][0]!;
    this.log = [];
    localStorage.setItem('demo.sidebar.mode', mode);
    this.makeBridge();
  }

  private handleFailChange(event: Event) {
    this.failSend = (event.target as HTMLInputElement).checked;
    this.makeBridge();
  }

  private handleLanguageClick() {
    this.locale = otherLocale(this.locale);
  }

  private handleThemeClick() {
    this.theme = otherTheme(this.theme);
  }

  override render() {
    const text = words[this.locale];
    return html`<cl-provider .adapter=${adapter} .bridge=${this.bridge} locale=${this.locale} theme=${this.theme}>
      <header>
        <h1>${text.title}</h1>
        <fieldset>
          <legend>${text.mode}</legend>
          ${MODES.map((mode) => this.renderModeButton(mode))}
        </fieldset>
        <label class="toggle"
          ><input
            type="checkbox"
            .checked=${this.failSend}
            ?disabled=${this.mode === 'browser'}
            @change=${this.handleFailChange}
          />${text.fail}</label
        >
        <button @click=${this.handleLanguageClick} lang=${this.locale === 'zh-CN' ? 'en' : 'zh-CN'}
          >${text.language}</button
        >
        <button @click=${this.handleThemeClick} aria-pressed=${this.theme === 'dark' ? 'true' : 'false'}
          >${this.theme === 'light' ? text.dark : text.light}</button
        >
      </header>
      <main class="client">
        <div class="pane chat" role="region" aria-label=${text.chat}>
          <h2>${this.chatTitle()}</h2>
          <p class="meta">${this.entryText()}</p>
          <ol aria-live="polite">
            ${this.renderChat()}
          </ol>
        </div>
        <div class="pane sidebar" role="region" aria-label=${text.sidebar}>
          ${this.bridge ? this.renderSidebar() : html`<p class="meta">${text.loading}</p>`}
        </div>
      </main>
    </cl-provider>`;
  }

  private chatTitle(): string {
    const text = words[this.locale];
    if (this.mode === 'browser') return text.browser;
    if (this.mode === 'group') return this.group ? text.groupChat(this.group.name) : text.group;
    return this.customer ? text.customerChat(this.customer.name) : text.single;
  }

  /** Which bridge the page got and where WeCom opened it, once the bridge is made. */
  private entryText(): string {
    const text = words[this.locale];
    if (!this.bridge) return text.loading;
    return text.entry(this.bridge.kind, text.entries[this.entry] ?? (this.entry || '…'));
  }

  private renderModeButton(mode: Mode) {
    return html`<button aria-pressed=${this.mode === mode ? 'true' : 'false'} @click=${() => this.handleModeClick(mode)}
      >${words[this.locale][mode]}</button
    >`;
  }

  /** What was sent into the chat, or a hint while nothing was (a plain browser has no chat). */
  private renderChat() {
    const text = words[this.locale];
    if (this.mode === 'browser') return html`<li class="hint">${text.noChat}</li>`;
    if (this.log.length === 0) return html`<li class="hint">${text.empty}</li>`;
    return this.log.map((line) => this.renderLine(line));
  }

  /** The elements, which take the current customer or group from the bridge. */
  private renderSidebar() {
    const text = words[this.locale];
    const profile = html`<section><cl-customer-profile></cl-customer-profile></section>`;
    return html`${this.mode === 'group' ? nothing : profile}
      ${renderTablist({
        views: VIEWS[this.mode],
        selected: this.view,
        label: (view) => text.viewNames[view],
        name: text.views,
        panelId: 'sidebar-view',
        onSelect: (view) => (this.view = view),
      })}
      <section role="tabpanel" id="sidebar-view" aria-labelledby=${tabId(this.view)}>${this.renderView()}</section>`;
  }

  private renderView() {
    switch (this.view) {
      case 'timeline':
        return html`<cl-customer-timeline></cl-customer-timeline>`;
      case 'tags':
        return html`<cl-tag-editor></cl-tag-editor>`;
      case 'coupons':
        return html`<cl-coupon-dispenser></cl-coupon-dispenser>`;
      case 'moments':
        return html`<cl-moments-composer></cl-moments-composer>`;
      case 'scripts':
        return html`<cl-script-library></cl-script-library>`;
      case 'members':
        return html`<cl-group-member-list></cl-group-member-list>`;
    }
  }

  /** A sent message as the chat would show it (adapter text always rendered as text). */
  private renderLine({ id, api, params, error }: LogLine): TemplateResult {
    const text = words[this.locale];
    if (error) return html`<li class="error" data-id=${id}>${text.failed}: ${error}</li>`;
    if (api === 'shareToExternalMoments') return this.renderMoment(id, params);
    const message = params as Record<string, Record<string, unknown>>;
    switch (params.msgtype) {
      case 'text':
        return html`<li class="bubble" data-id=${id}>${asString(message.text?.content)}</li>`;
      case 'image':
        return html`<li class="bubble" data-id=${id}
          ><img src=${this.media.get(asString(message.image?.mediaid)) ?? ''} alt=""
        /></li>`;
      case 'news':
        return html`<li class="card" data-id=${id}>
          <strong>${asString(message.news?.title)}</strong>
          ${message.news?.desc ? html`<small>${asString(message.news.desc)}</small>` : nothing}
          <small>${asString(message.news?.link)}</small>
          ${message.news?.imgUrl ? html`<img src=${asString(message.news.imgUrl)} alt="" />` : nothing}
        </li>`;
      case 'miniprogram':
        return html`<li class="card" data-id=${id}>
          <small>${text.miniprogram}</small>
          <strong>${asString(message.miniprogram?.title)}</strong>
          <small>${asString(message.miniprogram?.page)}</small>
          ${message.miniprogram?.imgUrl ? html`<img src=${asString(message.miniprogram.imgUrl)} alt="" />` : nothing}
        </li>`;
      default:
        return html`<li class="bubble" data-id=${id}>${JSON.stringify(params)}</li>`;
    }
  }

  /** A post shared to customer moments: its text and attachments. */
  private renderMoment(id: number, params: Record<string, unknown>) {
    const content = asString((params.text as { content?: unknown } | undefined)?.content);
    const attachments = (params.attachments as Array<Record<string, Record<string, unknown>>> | undefined) ?? [];
    return html`<li class="card" data-id=${id}>
      <small>${words[this.locale].moments}</small>
      ${content ? html`<span>${content}</span>` : nothing}
      ${attachments.map((attachment) => this.renderAttachment(attachment))}
    </li>`;
  }

  /** An image or a link of a moment. */
  private renderAttachment(attachment: Record<string, Record<string, unknown>>) {
    if (attachment.image) return html`<img src=${asString(attachment.image.imgUrl)} alt="" />`;
    if (attachment.link) {
      return html`<strong>${asString(attachment.link.title)}</strong><small>${asString(attachment.link.url)}</small>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-sidebar': DemoSidebar;
  }
}
