// The demo: an associate's mobile workspace (375 px) on the in-browser default adapter with its
// seed data. Their staff card, a customer picker, the customer's tags and coupons, the moments
// composer and their groups; language and theme switches.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { createLocalAdapter } from '@clienteling/adapter-local';
import type { Customer, Group } from '@clienteling/core';
import '@clienteling/elements';
import { otherLocale, otherTheme, savedLocale, savedTheme, type DemoLocale, type DemoTheme } from './settings.js';

const adapter = createLocalAdapter();

const words = {
  'zh-CN': {
    title: '导购工作台',
    me: '我的名片',
    customers: '客户',
    search: '搜索客户姓名或备注',
    pick: '选择一位客户',
    tags: '客户标签',
    coupons: '发券',
    moments: '发朋友圈',
    groups: '我的客户群',
    language: 'English',
    dark: '深色',
    light: '浅色',
    none: '没有找到客户',
  },
  en: {
    title: 'Associate workspace',
    me: 'My card',
    customers: 'Customers',
    search: 'Search customers by name or remark',
    pick: 'Choose a customer',
    tags: 'Tags',
    coupons: 'Send a coupon',
    moments: 'Post to moments',
    groups: 'My customer groups',
    language: '中文',
    dark: 'Dark',
    light: 'Light',
    none: 'No customer found',
  },
} as const;

type Tab = 'customers' | 'moments' | 'groups';

@customElement('demo-workspace')
export class DemoWorkspace extends LitElement {
  static override styles = css`
    :host {
      display: block;
      background: var(--cl-color-surface-muted, #f3f4f6);
      color: var(--cl-color-text, #1f2329);
      padding-bottom: calc(64px + env(safe-area-inset-bottom));
    }
    header {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      background: var(--cl-color-surface, #fff);
      border-bottom: 1px solid var(--cl-color-border, #d5d9df);
    }
    h1 {
      flex: 1;
      margin: 0;
      font-size: 17px;
    }
    h2 {
      margin: 16px 12px 8px;
      font-size: 15px;
    }
    button,
    input,
    select {
      font: inherit;
      min-height: 44px;
    }
    .switch {
      border: 1px solid var(--cl-color-border, #d5d9df);
      background: var(--cl-color-surface, #fff);
      color: inherit;
      border-radius: 8px;
      padding: 0 10px;
    }
    section {
      margin: 8px;
      padding: 12px;
      background: var(--cl-color-surface, #fff);
      border-radius: 12px;
    }
    .search {
      width: 100%;
      box-sizing: border-box;
      padding: 0 12px;
      border: 1px solid var(--cl-color-border, #d5d9df);
      border-radius: 8px;
      background: var(--cl-color-surface, #fff);
      color: inherit;
    }
    ul {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      max-height: 220px;
      overflow: auto;
    }
    li button {
      width: 100%;
      text-align: start;
      border: 0;
      border-bottom: 1px solid var(--cl-color-border, #d5d9df);
      background: none;
      color: inherit;
      padding: 0 4px;
    }
    li button[aria-pressed='true'] {
      font-weight: 600;
      color: var(--cl-color-primary, #0a7d3e);
    }
    nav {
      position: fixed;
      bottom: 0;
      left: 50%;
      transform: translateX(-50%);
      width: 100%;
      max-width: 375px;
      display: flex;
      background: var(--cl-color-surface, #fff);
      border-top: 1px solid var(--cl-color-border, #d5d9df);
      padding-bottom: env(safe-area-inset-bottom);
    }
    nav button {
      flex: 1;
      border: 0;
      background: none;
      color: inherit;
      min-height: 56px;
    }
    nav button[aria-current='page'] {
      color: var(--cl-color-primary, #0a7d3e);
      font-weight: 600;
    }
  `;

  @state() private locale: DemoLocale = savedLocale();
  @state() private theme: DemoTheme = savedTheme();
  @state() private tab: Tab = 'customers';
  @state() private query = '';
  @state() private customers: Customer[] = [];
  @state() private customerId = localStorage.getItem('demo.customer') ?? '';
  @state() private groups: Group[] = [];
  @state() private groupId = '';

  private searchSeq = 0;

  override connectedCallback() {
    super.connectedCallback();
    void this.search('');
    void adapter.listGroups({ limit: 50 }).then((page) => {
      this.groups = page.items;
      this.groupId ||= page.items[0]?.id ?? '';
    });
  }

  private async search(query: string) {
    this.query = query;
    const seq = ++this.searchSeq;
    const page = await adapter.searchCustomers({ query, limit: 20 });
    if (seq !== this.searchSeq) return;
    this.customers = page.items;
    if (!this.customerId && page.items[0]) this.pickCustomer(page.items[0].id);
  }

  private pickCustomer(id: string) {
    this.customerId = id;
    localStorage.setItem('demo.customer', id);
  }

  private toggleLocale() {
    this.locale = otherLocale(this.locale);
  }

  private toggleTheme() {
    this.theme = otherTheme(this.theme);
  }

  override render() {
    const w = words[this.locale];
    return html`<cl-provider .adapter=${adapter} locale=${this.locale} theme=${this.theme}>
      <header>
        <h1>${w.title}</h1>
        <button class="switch" @click=${this.toggleLocale} lang=${this.locale === 'zh-CN' ? 'en' : 'zh-CN'}
          >${w.language}</button
        >
        <button class="switch" @click=${this.toggleTheme} aria-pressed=${this.theme === 'dark'}
          >${this.theme === 'light' ? w.dark : w.light}</button
        >
      </header>
      <main
        >${this.tab === 'customers' ? this.renderCustomers() : this.tab === 'moments' ? this.renderMoments() : this.renderGroups()}</main
      >
      <nav aria-label=${w.title}>
        ${(['customers', 'moments', 'groups'] as const).map(
          (t) =>
            html`<button aria-current=${this.tab === t ? 'page' : 'false'} @click=${() => (this.tab = t)}
              >${w[t]}</button
            >`,
        )}
      </nav>
    </cl-provider>`;
  }

  private renderCustomers() {
    const w = words[this.locale];
    return html`<section aria-label=${w.me}><cl-staff-card layout="compact"></cl-staff-card></section>
      <section>
        <label for="search" class="label">${w.pick}</label>
        <input
          id="search"
          class="search"
          type="search"
          .value=${this.query}
          placeholder=${w.search}
          @input=${(e: Event) => this.search((e.target as HTMLInputElement).value)}
        />
        <ul aria-label=${w.customers}>
          ${this.customers.length === 0 ? html`<li>${w.none}</li>` : nothing}
          ${this.customers.map(
            (c) =>
              html`<li
                ><button aria-pressed=${c.id === this.customerId} @click=${() => this.pickCustomer(c.id)}>
                  ${c.name}${c.remark ? html` · <small>${c.remark}</small>` : nothing}</button
                ></li
              >`,
          )}
        </ul>
      </section>
      ${
        this.customerId
          ? html`<h2>${w.tags}</h2>
              <section><cl-tag-editor customer-id=${this.customerId}></cl-tag-editor></section>
              <h2>${w.coupons}</h2>
              <section><cl-coupon-dispenser customer-id=${this.customerId}></cl-coupon-dispenser></section>`
          : nothing
      }`;
  }

  private renderMoments() {
    return html`<section><cl-moments-composer></cl-moments-composer></section>`;
  }

  private renderGroups() {
    const w = words[this.locale];
    return html`<section>
        <label for="group">${w.groups}</label>
        <select
          id="group"
          class="search"
          .value=${this.groupId}
          @change=${(e: Event) => (this.groupId = (e.target as HTMLSelectElement).value)}
        >
          ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.groupId}>${g.name} (${g.memberCount})</option>`)}
        </select>
      </section>
      ${this.groupId ? html`<section><cl-group-member-list group-id=${this.groupId}></cl-group-member-list></section>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-workspace': DemoWorkspace;
  }
}
