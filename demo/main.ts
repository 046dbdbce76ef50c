// The demo: an associate's mobile workspace (375 px) on the in-browser default adapter with its
// seed data. Their day's tasks first (with a demo clock to move to another day), their staff card,
// a customer picker, the customer's profile with their timeline, tags and coupons as tabs, the
// moments and broadcast composers and their groups; language and theme switches; and a manager's view, where the
// store's manager hands a departing associate's customers to a successor.
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { SEED_MANAGER_STAFF_ID, createLocalAdapter } from '@clienteling/adapter-local';
import type { ContactWay, Customer, Group } from '@clienteling/core';
// The first screen's elements load with the page; the other tabs' when they open.
import '@clienteling/core/define.js';
import '@clienteling/task-list/define.js';
import type { TaskActionDetail } from '@clienteling/task-list';
import type { ContactWayReadyDetail } from '@clienteling/staff-card';
import type { ScriptUseDetail } from '@clienteling/script-library';
import type { SimulatedCustomerDetail } from './simulate.js';
import {
  applySettings,
  dayText,
  demoClock,
  otherLocale,
  realToday,
  saveDemoDate,
  saveRole,
  savedDemoDate,
  savedRole,
  otherTheme,
  savedLocale,
  savedTheme,
  type DemoLocale,
  type DemoTheme,
} from './settings.js';
import { renderTablist, tabId, tablistStyles } from './tablist.js';

// The demo clock: the real one, or the real time of day on the demo date (the "demo date" control).
const clock = demoClock();
// The manager's view signs in as the seed's store manager instead of the associate.
const role = savedRole();
const adapter = createLocalAdapter({
  clock,
  ...(role === 'manager' ? { signedInStaffId: SEED_MANAGER_STAFF_ID } : {}),
});
// After a reload the page keeps its language and theme.
applySettings(savedLocale(), savedTheme());

const words = {
  'zh-CN': {
    title: '导购工作台',
    today: '今日',
    demoDate: '演示日期',
    realDate: '回到今天',
    managerView: '店长视角',
    team: '转接',
    results: '业绩',
    me: '我的名片',
    myQr: '我的二维码',
    customers: '客户',
    search: '搜索客户姓名或备注',
    pick: '选择一位客户',
    tags: '客户标签',
    coupons: '发券',
    moments: '发朋友圈',
    broadcast: '群发',
    scriptLibrary: '从话术库选一条',
    groups: '我的客户群',
    customerViews: '客户资料',
    timeline: '动态',
    language: 'English',
    dark: '深色',
    light: '浅色',
    none: '没有找到客户',
  },
  en: {
    title: 'Associate workspace',
    today: 'Today',
    demoDate: 'Demo date',
    realDate: 'Back to today',
    managerView: "Manager's view",
    team: 'Hand over',
    results: 'Results',
    me: 'My card',
    myQr: 'My QR code',
    customers: 'Customers',
    search: 'Search customers by name or remark',
    pick: 'Choose a customer',
    tags: 'Tags',
    coupons: 'Send a coupon',
    moments: 'Moments',
    broadcast: 'Broadcast',
    scriptLibrary: 'Start from a script',
    groups: 'Groups',
    customerViews: 'About the customer',
    timeline: 'Timeline',
    language: '中文',
    dark: 'Dark',
    light: 'Light',
    none: 'No customer found',
  },
} as const;

type Tab = 'today' | 'customers' | 'moments' | 'broadcast' | 'groups' | 'results' | 'team';

/** The tabs of the bottom navigation, in their order; the day's tasks open first; a manager also hands over. */
const TABS: readonly Tab[] = [
  'today',
  'customers',
  'moments',
  'groups',
  // After the groups: the end-to-end tests open the first four tabs by position.
  'broadcast',
  'results',
  ...(role === 'manager' ? ['team' as const] : []),
];

/**
 * What a tab needs beyond the first screen (Today's task list), loaded when it opens: its elements
 * upgrade then.
 */
const TAB_ELEMENTS: Partial<Record<Tab, () => Promise<unknown>>> = {
  customers: () =>
    Promise.all([
      import('@clienteling/staff-card/define.js'),
      import('@clienteling/customer-profile/define.js'),
      import('@clienteling/customer-timeline/define.js'),
      import('./simulate.js'),
    ]),
  moments: () => import('@clienteling/moments-composer/define.js'),
  broadcast: () =>
    Promise.all([import('@clienteling/broadcast-composer/define.js'), import('@clienteling/script-library/define.js')]),
  groups: () => import('@clienteling/group-member-list/define.js'),
  results: () => import('@clienteling/staff-results/define.js'),
  team: () => import('@clienteling/customer-transfer/define.js'),
};

type CustomerView = 'timeline' | 'tags' | 'coupons';

/** The channel of the contact-me code on the associate's card: customers added through it count for it. */
const STORE_CARD_STATE = 'store-card';

/** The tabs under the customer's profile, in their order; the timeline opens first. */
const CUSTOMER_VIEWS: readonly CustomerView[] = ['timeline', 'tags', 'coupons'];

/** What a customer tab needs beyond the first screen, loaded when it opens. */
const CUSTOMER_VIEW_ELEMENTS: Partial<Record<CustomerView, () => Promise<unknown>>> = {
  tags: () => import('@clienteling/tag-editor/define.js'),
  coupons: () => import('@clienteling/coupon-dispenser/define.js'),
};

/** The associate's workspace, `<demo-workspace>` (defined at the end of this module, in a task of its own). */
export class DemoWorkspace extends LitElement {
  static override styles = [
    tablistStyles,
    css`
      :host {
        display: block;
      }
      /* The themed provider paints the workspace: the shell below takes its colours from the theme. */
      cl-provider {
        min-height: 100vh;
        padding-bottom: calc(64px + env(safe-area-inset-bottom));
        background: var(--cl-color-surface-muted);
        /* The elements' brief feedback shows above the fixed tab bar. */
        --cl-feedback-offset: calc(72px + env(safe-area-inset-bottom));
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
      /* The customer chooser: one radio group, one tab stop, arrows move between customers. */
      .customers {
        margin: 8px 0 0;
        padding: 0;
        border: 0;
        max-height: 220px;
        overflow: auto;
      }
      .customer {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 44px;
        padding: 0 4px;
        border-bottom: 1px solid var(--cl-color-border, #d5d9df);
      }
      .customer input {
        min-height: auto;
        margin: 0;
        accent-color: var(--cl-color-primary, #0a7d3e);
      }
      .customer:has(:checked) {
        font-weight: 600;
        color: var(--cl-color-primary, #0a7d3e);
      }
      .clock {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
      }
      .role {
        display: flex;
        align-items: center;
        gap: 6px;
        min-height: 44px;
      }
      .role input {
        min-height: auto;
        margin: 0;
        accent-color: var(--cl-color-primary, #0a7d3e);
      }
      .clock input[type='date'],
      .clock .date {
        flex: 1;
        min-width: 140px;
        box-sizing: border-box;
        padding: 0 8px;
        border: 1px solid var(--cl-color-border, #d5d9df);
        border-radius: 8px;
        background: var(--cl-color-surface, #fff);
        color: inherit;
      }
      .clock .date {
        display: flex;
        align-items: center;
        justify-content: space-between;
        text-align: start;
      }
      .clock .date::after {
        content: '▾' / '';
        color: var(--cl-color-text-secondary, #575e69);
      }
      .scripts {
        margin-bottom: 12px;
      }
      .scripts summary {
        display: flex;
        align-items: center;
        min-height: 44px;
        cursor: pointer;
        color: var(--cl-color-primary, #0a7d3e);
      }
      .my-qr {
        width: 100%;
        margin-top: 8px;
      }
      #my-qr {
        margin-top: 8px;
      }
      .customer small {
        color: var(--cl-color-text-secondary, #575e69);
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
        padding: 4px 2px;
        background: none;
        color: inherit;
        min-height: 56px;
        /* Seven tabs in the manager's view fit a 375 px screen in English too. */
        font-size: 13px;
        line-height: 1.2;
      }
      nav button[aria-current='page'] {
        color: var(--cl-color-primary, #0a7d3e);
        font-weight: 600;
      }
    `,
  ];

  @state() private locale: DemoLocale = savedLocale();
  @state() private theme: DemoTheme = savedTheme();
  @state() private tab: Tab = 'today';
  @state() private customerView: CustomerView = 'timeline';
  @state() private query = '';
  @state() private customers: Customer[] = [];
  @state() private customerId = localStorage.getItem('demo.customer') ?? '';
  @state() private groups: Group[] = [];
  @state() private groupId = '';
  /** The associate's card with its add-me QR code is open. */
  @state() private showMyQr = false;
  /** The contact-me code the card shows (the demo panel plays a customer scanning it). */
  @state() private contactWay?: ContactWay;
  /** Counts the purchases the demo's till recorded, so the customer's profile reads its summary again. */
  @state() private purchasesRecorded = 0;
  /** The demo date's input shows: its button was pressed (the first screen shows the button, which costs less). */
  @state() private demoDateOpen = false;

  /** Counts the searches, so the answer of a superseded search is dropped. */
  private searchCount = 0;
  /** The tabs opened so far: a tab reads what it lists (customers, groups) when it first opens, not at start. */
  private openedTabs = new Set<Tab>();

  /** Reads what a tab lists beyond its elements, the first time it opens. */
  private readTabData(tab: Tab) {
    if (this.openedTabs.has(tab)) return;
    this.openedTabs.add(tab);
    if (tab === 'customers') void this.search('');
    if (tab === 'groups') void this.loadGroups();
  }

  private async loadGroups() {
    const page = await adapter.listGroups({ limit: 50 });
    this.groups = page.items;
    this.groupId ||= page.items[0]?.id ?? '';
  }

  /** Lists the customers matching `query`, and picks the first one when none is picked yet. */
  private async search(query: string) {
    this.query = query;
    const searchNumber = ++this.searchCount;
    const page = await adapter.searchCustomers({ query, limit: 20 });
    if (searchNumber !== this.searchCount) return;
    this.customers = page.items;
    if (!this.customerId && page.items[0]) this.pickCustomer(page.items[0].id);
  }

  private pickCustomer(id: string) {
    this.customerId = id;
    localStorage.setItem('demo.customer', id);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('tab')) {
      void TAB_ELEMENTS[this.tab]?.();
      this.readTabData(this.tab);
    }
    if (changed.has('customerView')) void CUSTOMER_VIEW_ELEMENTS[this.customerView]?.();
  }

  /**
   * A task's action opens the element that does it for the task's customer: the coupons to send
   * a coupon, the timeline for a message or the profile; a call is the list's own `tel:` link.
   */
  private handleTaskAction(event: CustomEvent<TaskActionDetail>) {
    const { action, customerId } = event.detail;
    if (action === 'call') return;
    this.pickCustomer(customerId);
    this.customerView = action === 'send-coupon' ? 'coupons' : 'timeline';
    this.tab = 'customers';
    window.scrollTo(0, 0);
  }

  /**
   * The demo date's button was pressed: the date input takes its place, focused, with the browser's
   * picker open where the browser has `showPicker()`.
   */
  private async handleDemoDateOpen() {
    this.demoDateOpen = true;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#demo-date');
    if (!input) return;
    input.focus();
    try {
      if ('showPicker' in input) input.showPicker();
    } catch {
      // No picker here (no user activation, or inside a cross-origin frame): the focused input takes typing.
    }
  }

  /** The demo date moved (or was cleared): the page starts again on that day. */
  private handleDemoDateChange(event: Event) {
    const day = (event.target as HTMLInputElement).value;
    saveDemoDate(day && day !== realToday() ? day : undefined);
    location.reload();
  }

  private handleRealDateClick() {
    saveDemoDate(undefined);
    location.reload();
  }

  private handleRoleChange(event: Event) {
    saveRole((event.target as HTMLInputElement).checked ? 'manager' : 'associate');
    location.reload();
  }

  /** The profile's quick action "send a coupon" opens the coupons tab. */
  private handleCustomerAction(event: CustomEvent<{ action: string }>) {
    if (event.detail.action === 'coupon') this.customerView = 'coupons';
  }

  private handleMyQrClick() {
    this.showMyQr = !this.showMyQr;
  }

  private handleContactWayReady(event: CustomEvent<ContactWayReadyDetail>) {
    this.contactWay = event.detail.contactWay;
  }

  /** The demo panel's customer scanned the code: they are picked, and the list shows them. */
  private handleSimulatedCustomerAdded(event: CustomEvent<SimulatedCustomerDetail>) {
    this.pickCustomer(event.detail.customer.id);
    void this.search(this.query);
  }

  /** The demo's till recorded a purchase: the customer's profile, timeline and coupons read it. */
  private handleSimulatedPurchase() {
    this.purchasesRecorded++;
    this.renderRoot.querySelector('cl-customer-timeline')?.refresh();
    this.renderRoot.querySelector('cl-coupon-dispenser')?.reload();
  }

  private handleLanguageClick() {
    this.locale = otherLocale(this.locale);
  }

  private handleThemeClick() {
    this.theme = otherTheme(this.theme);
  }

  private handleSearchInput(event: Event) {
    void this.search((event.target as HTMLInputElement).value);
  }

  private handleGroupChange(event: Event) {
    this.groupId = (event.target as HTMLSelectElement).value;
  }

  override render() {
    const text = words[this.locale];
    return html`<cl-provider .adapter=${adapter} locale=${this.locale} theme=${this.theme}>
      <header>
        <h1>${text.title}</h1>
        <button class="switch" @click=${this.handleLanguageClick} lang=${this.locale === 'zh-CN' ? 'en' : 'zh-CN'}
          >${text.language}</button
        >
        <button class="switch" @click=${this.handleThemeClick} aria-pressed=${this.theme === 'dark'}
          >${this.theme === 'light' ? text.dark : text.light}</button
        >
      </header>
      <main>${this.renderTab()}</main>
      <nav aria-label=${text.title}>${TABS.map((tab) => this.renderTabButton(tab))}</nav>
    </cl-provider>`;
  }

  private renderTab() {
    switch (this.tab) {
      case 'today':
        return this.renderToday();
      case 'customers':
        return this.renderCustomers();
      case 'moments':
        return this.renderMoments();
      case 'broadcast':
        return this.renderBroadcast();
      case 'groups':
        return this.renderGroups();
      case 'results':
        return this.renderResults();
      case 'team':
        return html`<section><cl-customer-transfer></cl-customer-transfer></section>`;
    }
  }

  private renderTabButton(tab: Tab) {
    return html`<button aria-current=${this.tab === tab ? 'page' : 'false'} @click=${() => (this.tab = tab)}
      >${words[this.locale][tab]}</button
    >`;
  }

  /** The demo clock's control, and the associate's tasks counted on that clock. */
  private renderToday() {
    const text = words[this.locale];
    const demoDate = savedDemoDate();
    const back = demoDate
      ? html`<button class="switch" @click=${this.handleRealDateClick}>${text.realDate}</button>`
      : nothing;
    return html`<section class="clock">
        ${this.renderDemoDate(demoDate ?? realToday())} ${back}
        <label class="role"
          ><input
            type="checkbox"
            .checked=${role === 'manager'}
            @change=${this.handleRoleChange}
          />${text.managerView}</label
        >
      </section>
      <section><cl-task-list .now=${clock()} @cl-task-action=${this.handleTaskAction}></cl-task-list></section>`;
  }

  /**
   * The demo date: a button with the day in words, which turns into the date input when pressed. A
   * date input on the first screen costs its task 40–70 ms at 4x CPU (its calendar icon, an SVG
   * image with a document of its own, and the style of its fields); the button reads "Demo date
   * 1 Dec 2026" to a screen reader.
   */
  private renderDemoDate(day: string) {
    const text = words[this.locale];
    const control = this.demoDateOpen
      ? html`<input id="demo-date" type="date" min=${realToday()} .value=${day} @change=${this.handleDemoDateChange} />`
      : html`<button
          id="demo-date-button"
          class="date"
          value=${day}
          aria-labelledby="demo-date-label demo-date-button"
          @click=${this.handleDemoDateOpen}
          >${dayText(day, this.locale)}</button
        >`;
    return html`<label id="demo-date-label" for=${this.demoDateOpen ? 'demo-date' : 'demo-date-button'}
        >${text.demoDate}</label
      >${control}`;
  }

  private renderCustomers() {
    const text = words[this.locale];
    return html`<section aria-label=${text.me}>
        <cl-staff-card layout="compact"></cl-staff-card>
        ${this.renderMyQr()}
      </section>
      <section>
        <label for="search" class="label">${text.pick}</label>
        <input
          id="search"
          class="search"
          type="search"
          .value=${this.query}
          placeholder=${text.search}
          @input=${this.handleSearchInput}
        />
        <div class="customers" role="radiogroup" aria-label=${text.customers}>
          ${this.customers.length === 0 ? html`<p>${text.none}</p>` : nothing}
          ${this.customers.map((customer) => this.renderCustomerOption(customer))}
        </div>
      </section>
      ${this.customerId ? this.renderCustomerTools(this.customerId) : nothing} ${this.renderSimulator()}`;
  }

  /** The associate's full card with the add-me QR code of their contact-me code, behind a toggle. */
  private renderMyQr() {
    const text = words[this.locale];
    const card = html`<cl-staff-card
      id="my-qr"
      show-qr
      contact-state=${STORE_CARD_STATE}
      @cl-contact-way-ready=${this.handleContactWayReady}
    ></cl-staff-card>`;
    return html`<button
        class="switch my-qr"
        aria-expanded=${this.showMyQr}
        aria-controls="my-qr"
        @click=${this.handleMyQrClick}
        >${text.myQr}</button
      >${this.showMyQr ? card : nothing}`;
  }

  /** The demo's panel (演示): a customer scanning the card's code, and the store's till recording a purchase. */
  private renderSimulator() {
    return html`<demo-simulator
      .adapter=${adapter}
      .clock=${clock}
      .contactWay=${this.contactWay}
      .customerId=${this.customerId}
      locale=${this.locale}
      @demo-customer-added=${this.handleSimulatedCustomerAdded}
      @demo-purchase-recorded=${this.handleSimulatedPurchase}
    ></demo-simulator>`;
  }

  private renderCustomerOption(customer: Customer) {
    const remark = customer.remark ? html` · <small>${customer.remark}</small>` : nothing;
    return html`<label class="customer"
      ><input
        type="radio"
        name="customer"
        .checked=${customer.id === this.customerId}
        @change=${() => this.pickCustomer(customer.id)}
      />${customer.name}${remark}</label
    >`;
  }

  /** The picked customer's profile, and their timeline, tags and coupons as tabs. */
  private renderCustomerTools(customerId: string) {
    const text = words[this.locale];
    const tablist = renderTablist({
      views: CUSTOMER_VIEWS,
      selected: this.customerView,
      label: (view) => text[view],
      name: text.customerViews,
      panelId: 'customer-view',
      onSelect: (view) => (this.customerView = view),
    });
    const profile = html`<cl-customer-profile
      customer-id=${customerId}
      .now=${clock()}
      @cl-customer-action=${this.handleCustomerAction}
    ></cl-customer-profile>`;
    return html`<section>${keyed(this.purchasesRecorded, profile)}</section>
      ${tablist}
      <section role="tabpanel" id="customer-view" aria-labelledby=${tabId(this.customerView)}>
        ${this.renderCustomerView(customerId)}
      </section>`;
  }

  private renderCustomerView(customerId: string) {
    switch (this.customerView) {
      case 'timeline':
        return html`<cl-customer-timeline customer-id=${customerId} .now=${clock()}></cl-customer-timeline>`;
      case 'tags':
        return html`<cl-tag-editor customer-id=${customerId}></cl-tag-editor>`;
      case 'coupons':
        return html`<cl-coupon-dispenser customer-id=${customerId} .now=${clock()}></cl-coupon-dispenser>`;
    }
  }

  /** The associate's results; in the manager's view, the store's with its associates ranked. */
  private renderResults() {
    const view = role === 'manager' ? 'store' : 'staff';
    return html`<section><cl-staff-results view=${view} .now=${clock()}></cl-staff-results></section>`;
  }

  private renderMoments() {
    return html`<section><cl-moments-composer></cl-moments-composer></section>`;
  }

  /**
   * One message to many customers (群发), with who is skipped and why before sending; the script library
   * above it puts an approved script in ("use in broadcast").
   */
  private renderBroadcast() {
    return html`<section>
      <details class="scripts">
        <summary>${words[this.locale].scriptLibrary}</summary>
        <cl-script-library @cl-script-use=${this.handleScriptUse}></cl-script-library>
      </details>
      <cl-broadcast-composer></cl-broadcast-composer>
    </section>`;
  }

  /** "Use in broadcast": the script's content goes into the composer, which comes into view. */
  private handleScriptUse(event: CustomEvent<ScriptUseDetail>) {
    const composer = this.renderRoot.querySelector('cl-broadcast-composer');
    if (!composer) return event.preventDefault();
    composer.setContent(event.detail.content);
    this.renderRoot.querySelector<HTMLDetailsElement>('details.scripts')!.open = false;
    composer.scrollIntoView({ block: 'start' });
    composer.shadowRoot?.querySelector('textarea')?.focus({ preventScroll: true });
  }

  private renderGroups() {
    const text = words[this.locale];
    const memberList = html`<section><cl-group-member-list group-id=${this.groupId}></cl-group-member-list></section>`;
    return html`<section>
        <label for="group">${text.groups}</label>
        <select id="group" class="search" .value=${this.groupId} @change=${this.handleGroupChange}>
          ${this.groups.map((group) => this.renderGroupOption(group))}
        </select>
      </section>
      ${this.groupId ? memberList : nothing}`;
  }

  private renderGroupOption(group: Group) {
    return html`<option value=${group.id} ?selected=${group.id === this.groupId}
      >${group.name} (${group.memberCount})</option
    >`;
  }
}

/**
 * The workspace is defined (and renders) in a task after the one that evaluates the page's modules.
 * Defined in that task, it rendered before DOMContentLoaded, where the browser lays the page out at
 * once: modules, first render, style and layout made one boot task (240–420 ms at 4x CPU). Apart,
 * they are three shorter ones (evaluation, first render, the first frame's style and layout), with
 * input handled between them.
 */
setTimeout(() => customElements.define('demo-workspace', DemoWorkspace));

declare global {
  interface HTMLElementTagNameMap {
    'demo-workspace': DemoWorkspace;
  }
}
