/**
 * Benchmark: first render of `<cl-customer-profile>` with a full customer (remark, phones, tags,
 * purchases, dates, origin), from attaching the element to the loaded profile laid out, through an
 * adapter that answers at once (validation included, as on a page). The baseline, in the same run,
 * is a plain Lit element with the same styles drawing the same customer from data it is given: the
 * cost the profile adds is its loading (a skeleton render, then the profile), the validation of four
 * adapter responses, localization, the permission rule and formatting. Target: at most 4x (measured
 * here 2.7-3.6x at 1x and 4x CPU, on a busy 2-core machine).
 * At 1x and 4x CPU, medians of alternating runs (see packages/core/bench/kit.ts).
 */
import { LitElement, html } from 'lit';
import { FULL_CAPABILITIES, type ClientelingAdapter, type Customer, type TagGroup } from '@clienteling/core';
import { baseStyles } from '@clienteling/core/elements.js';
import { compareAtEachRate, timeFirstRender } from '../../core/bench/kit.js';
import '../src/define.js';
import type { CustomerProfile } from '../src/customer-profile.js';
import { styles } from '../src/customer-profile.styles.js';

const tag = (id: string, groupId: string, name: string) => ({ id, groupId, name, order: 0, deleted: false });
const groups: TagGroup[] = [
  {
    id: 'age',
    name: '年龄段',
    order: 3,
    deleted: false,
    selection: 'single',
    kind: 'manual',
    allowCreate: false,
    tags: [tag('a20', 'age', '20-30'), tag('a30', 'age', '30-40')],
  },
  {
    id: 'style',
    name: '穿搭偏好',
    order: 2,
    deleted: false,
    selection: 'multiple',
    kind: 'manual',
    allowCreate: true,
    tags: [tag('sport', 'style', '运动风'), tag('office', 'style', '通勤'), tag('lux', 'style', '轻奢')],
  },
  {
    id: 'rfm',
    name: '消费力',
    order: 1,
    deleted: false,
    selection: 'multiple',
    kind: 'rule',
    allowCreate: false,
    tags: [tag('vip', 'rfm', '高消费')],
  },
];

const customer: Customer = {
  id: 'cust-1',
  name: '陈静',
  remark: '陈静-南京东路VIP',
  description: '喜欢运动风，周末常到店，偏爱浅色系外套',
  remarkPhones: ['138 0013 8001', '021-6234 5678'],
  remarkCompany: '静安设计',
  ownerStaffId: 'staff-1',
  followerStaffIds: ['staff-1'],
  addedAt: '2026-03-02T02:00:00.000Z',
  addedBy: 'staff-1',
  addWay: { kind: 'contact-me', state: '南京东路店-开业活动' },
  type: 'wechat',
  tagIds: ['a20', 'sport', 'lux'],
  ruleTagIds: ['vip'],
  importantDates: [
    { kind: 'birthday', date: '1992-12-04' },
    { kind: 'anniversary', date: '06-18', label: '入会纪念日' },
  ],
  purchases: {
    totalSpent: 1_288_800,
    orderCount: 12,
    lastPurchaseAt: '2026-11-20T11:30:00.000Z',
    averageOrderValue: 107_400,
    favouriteCategories: ['运动鞋', '外套'],
    sizes: [{ category: '上装', size: 'M' }],
  },
};

const staff = {
  id: 'staff-1',
  name: '王丽',
  companyName: '百联',
  verified: true,
  externalAttributes: [],
};

/** An adapter that answers at once with the customer, its tag groups and the signed-in associate. */
const adapter = {
  capabilities: FULL_CAPABILITIES,
  getCustomer: async () => customer,
  listTagGroups: async () => groups,
  getCurrentStaff: async () => staff,
  getStaff: async () => staff,
  getPolicy: async () => ({
    momentsPerDay: 1,
    groupMemberCap: 500,
    internalGroupMemberCap: 2000,
    timeZone: 'Asia/Shanghai',
    tagNameMaxLength: 30,
    groupNameMaxLength: 30,
    momentTextMaxLength: 2000,
    momentImagesMax: 9,
    mediaMaxBytes: 10 * 1024 * 1024,
    imageMaxPixels: 30_000_000,
    videoMaxDurationMs: 30_000,
    linkTitleMaxBytes: 64,
  }),
} as unknown as ClientelingAdapter;

const NOW = new Date('2026-12-03T02:00:00.000Z');
const fen = (value: number) => `¥${(value / 100).toLocaleString('zh-CN')}`;

/** The baseline: the same customer in the same sections and styles, in the plainest Lit templates. */
class PlainProfile extends LitElement {
  static override styles = [baseStyles, styles];
  customer = customer;

  private row(label: string, value: unknown) {
    return html`<div part="field" class="row">
      <dt>${label}</dt>
      <dd>
        <div class="value-row"
          ><span class="value">${value}</span
          ><button part="edit" class="cl-button edit" type="button">编辑</button></div
        >
      </dd>
    </div>`;
  }

  private chips(names: string[], part: string) {
    return html`<ul class="chips"
      >${names.map((name) => html`<li part=${part} class="chip">${name}</li>`)}</ul
    >`;
  }

  private detail(label: string, value: string) {
    return html`<div class="detail"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  protected override render() {
    const c = this.customer;
    const p = c.purchases!;
    const phones = c.remarkPhones!.map((phone) => html`<span class="phone-number">${phone}</span>`);
    const stats = [
      ['累计消费', fen(p.totalSpent)],
      ['订单数', String(p.orderCount)],
      ['客单价', fen(p.averageOrderValue)],
      ['最近消费', '2026年11月20日'],
    ];
    return html`<article part="profile" class="profile">
      <header part="header" class="header">
        <span part="avatar" class="avatar">陈</span>
        <div class="identity">
          <h2 part="name" class="name"
            ><span>${c.remark}</span><span part="marker" class="marker wechat">@微信</span></h2
          >
          <p class="nickname">昵称：${c.name}</p>
        </div>
      </header>
      <dl part="fields" class="fields">
        ${this.row('备注名', c.remark)} ${this.row('描述', c.description)} ${this.row('电话', phones)}
        ${this.row('企业', c.remarkCompany)}
      </dl>
      <section part="tags" class="section">
        <div class="heading"><h3>标签</h3><button class="cl-button edit">编辑标签</button></div>
        ${this.chips(['20-30', '运动风', '轻奢'], 'tag')}
        <p class="sub">规则标签</p>
        ${this.chips(['高消费'], 'tag rule-tag')}
      </section>
      <section part="purchases" class="section">
        <h3>消费概况</h3>
        <dl class="stats">${stats.map(([l, v]) => html`<div class="stat"><dt>${l}</dt><dd>${v}</dd></div>`)}</dl>
        <dl class="details">${this.detail('偏好品类', '运动鞋、外套')} ${this.detail('尺码', '上装 M')}</dl>
      </section>
      <section part="dates" class="section">
        <h3>重要日子</h3>
        <ul class="dates">
          <li class="date soon"
            ><span class="date-label">生日</span><span>12月4日</span><span class="countdown">明天生日</span></li
          >
          <li class="date"
            ><span class="date-label">入会纪念日</span><span>6月18日</span
            ><span class="countdown">还有 197 天</span></li
          >
        </ul>
      </section>
      <section part="origin" class="section">
        <h3>添加来源</h3>
        <dl class="details">
          ${this.detail('添加人', '王丽')} ${this.detail('添加方式', '联系我二维码 · 渠道“南京东路店-开业活动”')}
          ${this.detail('添加时间', '2026年3月2日')}
        </dl>
      </section>
      <div part="actions" class="actions">
        <button class="cl-button" data-variant="primary">发优惠券</button
        ><a class="cl-button" href="tel:13800138001">打电话</a><button class="cl-button">复制名字</button
        ><button class="cl-button">复制电话</button><slot name="actions"></slot>
      </div>
    </article>`;
  }
}
customElements.define('bench-plain-profile', PlainProfile);

async function profileFirstRender(): Promise<number> {
  const el = document.createElement('cl-customer-profile') as CustomerProfile;
  el.adapter = adapter;
  el.now = NOW;
  el.customerId = 'cust-1';
  return timeFirstRender(el, () => el.shadowRoot?.querySelector('[part="profile"]') != null);
}

const baselineFirstRender = () => timeFirstRender(document.createElement('bench-plain-profile') as PlainProfile);

describe('cl-customer-profile benchmark', () => {
  it('first render of a full profile against a plain Lit profile', async () => {
    await compareAtEachRate('customer-profile: first render, full customer', profileFirstRender, baselineFirstRender, {
      target: 4,
      baselineName: 'plain Lit profile',
      runs: 15,
    });
  });
});
