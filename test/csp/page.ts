/**
 * The page of the CSP test (test/node/csp-elements.test.js): the elements on a stub adapter, each
 * driven through its main states (loading, lists, a dialog, a send, manage mode, the QR code), under
 * `default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`.
 * Built with esbuild from the sources; the DOM is made with DOM calls (no HTML strings: they are
 * Trusted Types sinks).
 */
import '@clienteling/core/define.js';
import '@clienteling/coupon-dispenser/define.js';
import '@clienteling/group-member-list/define.js';
import '@clienteling/staff-card/define.js';
import type { ClientelingAdapter } from '@clienteling/core';
import { couponBackend } from '../helpers/coupon-backend.js';
import { fixtures, stubAdapter } from '../helpers/stub-adapter.js';

const NOW = new Date('2026-11-15T10:00:00+08:00');

const members = Array.from({ length: 80 }, (_, i) =>
  fixtures.member({
    id: `m-${i}`,
    name: `成员 ${i}`,
    role: i === 0 ? 'owner' : i % 20 === 1 ? 'admin' : 'member',
    // Same-origin pictures: the page's `default-src 'self'` refuses `data:` images, as it may.
    avatarUrl: i % 7 === 0 ? '/avatar.png' : undefined,
  }),
);

function adapter(): ClientelingAdapter {
  const coupons = couponBackend([fixtures.couponOffer(), fixtures.couponOffer({ id: 'sold', remaining: 0 })], [], NOW);
  return stubAdapter({
    ...coupons.operations,
    getCurrentStaff: async () => fixtures.staff({ verified: true }),
    getStaff: async () => fixtures.staff(),
    getPolicy: async () => ({ ...(await import('@clienteling/core')).DEFAULT_POLICY }),
    getCustomer: async ({ customerId }) => fixtures.customer({ id: customerId }),
    getGroup: async () => fixtures.group({ memberCount: members.length, memberCap: 100 }),
    listGroupMembers: async ({ filter, cursor, limit }) => {
      const matching = members.filter((member) => filter !== 'admin' || member.role !== 'member');
      const start = cursor ? Number(cursor) : 0;
      const end = start + (limit ?? 100);
      const nextCursor = end < matching.length ? String(end) : null;
      return { items: matching.slice(start, end), nextCursor, total: matching.length };
    },
    removeGroupMember: async () => ({ removed: true }),
  });
}

const until = async (check: () => unknown, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out: ${what}`);
};

const shadow = (el: Element) => el.shadowRoot!;
const buttonNamed = (root: ParentNode, text: RegExp) =>
  [...root.querySelectorAll('button')].find((button) => text.test(button.textContent ?? ''))!;

async function run() {
  const provider = document.createElement('cl-provider');
  provider.setAttribute('locale', 'zh-CN');
  provider.setAttribute('theme', 'dark');
  (provider as unknown as { adapter: ClientelingAdapter }).adapter = adapter();
  const card = document.createElement('cl-staff-card');
  card.setAttribute('show-qr', '');
  const dispenser = document.createElement('cl-coupon-dispenser');
  dispenser.setAttribute('customer-id', 'cust-1');
  (dispenser as unknown as { now: Date }).now = NOW;
  const list = document.createElement('cl-group-member-list');
  list.setAttribute('group-id', 'group-1');
  provider.append(card, dispenser, list);
  document.body.append(provider);

  await until(() => shadow(card).querySelector('svg.qr-code'), 'the staff card and its QR code');
  await until(() => shadow(dispenser).querySelector('[data-id]'), 'the coupon offers');
  buttonNamed(shadow(dispenser), /发送/).click();
  await until(() => shadow(dispenser).querySelector('dialog[open]'), 'the confirmation');
  buttonNamed(shadow(dispenser).querySelector('dialog')!, /确认发送/).click();
  await until(() => /发送成功/.test(shadow(dispenser).querySelector('dialog')!.textContent ?? ''), 'the send');
  buttonNamed(shadow(dispenser).querySelector('dialog')!, /完成/).click();

  list.scrollIntoView();
  await until(() => shadow(list).querySelector('[part=remove-button], [part=manage-button]'), 'the member list');
  await until(() => shadow(list).querySelectorAll('[role=listitem]').length > 5, 'the member rows');
  shadow(list).querySelector<HTMLButtonElement>('[part=manage-button]')!.click();
  await until(() => shadow(list).querySelector('[part=remove-button]'), 'manage mode');
  shadow(list).querySelector<HTMLButtonElement>('[part=remove-button]')!.click();
  await until(() => shadow(list).querySelector('dialog[open]'), 'the remove dialog');
  buttonNamed(shadow(list).querySelector('dialog')!, /移出/).click();
  await until(() => shadow(list).querySelector('.cl-feedback-message'), 'the removal feedback');
  window.scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

run().then(
  () => document.documentElement.setAttribute('data-done', 'ok'),
  (error: Error) => document.documentElement.setAttribute('data-done', `failed: ${error.message}`),
);
