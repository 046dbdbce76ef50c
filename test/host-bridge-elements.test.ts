// The elements on a host page: with a current customer or group from the host bridge (WeCom chat
// sidebar) and without one (a plain browser, where no WeCom-only action may show).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DEFAULT_POLICY, type HostBridge } from '@clienteling/core';
import { HostBridgeError, createBrowserBridge } from '@clienteling/host-bridge';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import '@clienteling/elements';
import { fixtures, stubAdapter } from './helpers/stub-adapter.js';

const shadow = (el: Element | null | undefined) => el!.shadowRoot!;
const $ = (el: Element, selector: string) => shadow(el).querySelector<HTMLElement>(selector);
/** Waits until `find` returns something, and returns it. */
async function until<T>(find: () => T | null | undefined, message = 'timed out'): Promise<T> {
  let found: T | null | undefined;
  await waitUntil(() => (found = find()), message, { timeout: 3000 });
  return found!;
}
/** A plain browser: no Web Share, no clipboard. */
const plainBrowser = () => createBrowserBridge({ navigator: {} as Navigator });

function adapter() {
  return stubAdapter({
    getPolicy: async () => DEFAULT_POLICY,
    getCurrentStaff: async () => fixtures.staff(),
    listTagGroups: async () => [
      fixtures.tagGroup({ id: 'g1', name: '偏好', tags: [fixtures.tag({ id: 't1', groupId: 'g1', name: '运动' })] }),
    ],
    getCustomer: async (input) => fixtures.customer({ id: (input as { customerId: string }).customerId }),
    listCouponStocks: async () => [
      fixtures.couponOffer({ validFrom: '2020-01-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' }),
    ],
    listCustomerCoupons: async () => [],
    issueCoupon: async () => fixtures.issuedCoupon({ code: 'CL-HOST-1' }),
    getMomentQuota: async () => ({ limit: 1, used: 0, remaining: 1, resetsAt: '2099-01-01T00:00:00Z' }),
    estimateReach: async () => ({ count: 12 }),
    getGroup: async (input) => fixtures.group({ id: (input as { groupId: string }).groupId }),
    listGroupMembers: async () => ({ items: [fixtures.member({ id: 'm1' })], nextCursor: null }),
  });
}

async function inProvider(bridge: HostBridge, inner: ReturnType<typeof html>, api = adapter()) {
  const page = await fixture(html`<cl-provider .adapter=${api} .bridge=${bridge} locale="en">${inner}</cl-provider>`);
  return { page, api };
}

describe('elements with a host bridge', () => {
  it('the tag editor edits the current customer of the chat when given no customer id', async () => {
    const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'chat-customer' });
    const { page, api } = await inProvider(bridge, html`<cl-tag-editor></cl-tag-editor>`);
    const editor = page.querySelector('cl-tag-editor')!;
    await waitUntil(() => api.callsTo('getCustomer').length > 0, 'the editor never loaded a customer');
    expect(api.callsTo('getCustomer')[0]).to.deep.equal({ customerId: 'chat-customer' });
    expect(editor.customerId).to.equal('chat-customer');
  });

  it('the tag editor asks for a customer in a plain browser', async () => {
    const { page, api } = await inProvider(plainBrowser(), html`<cl-tag-editor></cl-tag-editor>`);
    const editor = page.querySelector('cl-tag-editor')!;
    await waitUntil(() => shadow(editor).textContent!.includes('Choose a customer first.'));
    expect(api.callsTo('getCustomer')).to.have.length(0);
  });

  it("an explicit customer id wins over the chat's customer", async () => {
    const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'chat-customer' });
    const { api } = await inProvider(bridge, html`<cl-tag-editor customer-id="given"></cl-tag-editor>`);
    await waitUntil(() => api.callsTo('getCustomer').length > 0);
    expect(api.callsTo('getCustomer')).to.deep.equal([{ customerId: 'given' }]);
  });

  it('the member list shows the current group of a group chat, and asks for one elsewhere', async () => {
    const inGroup = await inProvider(
      stubHostBridge({ entry: 'group-chat', groupId: 'chat-group' }),
      html`<cl-group-member-list></cl-group-member-list>`,
    );
    await waitUntil(() => inGroup.api.callsTo('getGroup').length > 0, 'no group loaded');
    expect(inGroup.api.callsTo('getGroup')[0]).to.deep.equal({ groupId: 'chat-group' });

    const browser = await inProvider(plainBrowser(), html`<cl-group-member-list></cl-group-member-list>`);
    const list = browser.page.querySelector('cl-group-member-list')!;
    await waitUntil(() => shadow(list).textContent!.includes('No group chosen.'));
    expect(browser.api.callsTo('getGroup')).to.have.length(0);
  });

  async function issueFrom(bridge: HostBridge) {
    const { page, api } = await inProvider(bridge, html`<cl-coupon-dispenser></cl-coupon-dispenser>`);
    const dispenser = page.querySelector('cl-coupon-dispenser')!;
    if (bridge.kind === 'browser') dispenser.customerId = 'cust-1';
    await waitUntil(() => $(dispenser, '[part~="send-button"]'), 'no offer to send');
    $(dispenser, '[part~="send-button"]')!.click();
    await waitUntil(() => $(dispenser, 'dialog button[data-variant="primary"]'));
    $(dispenser, 'dialog button[data-variant="primary"]')!.click();
    await waitUntil(() => $(dispenser, 'dialog [part~="code"]'), 'the coupon was not issued');
    return { dispenser, api };
  }

  it("the coupon dispenser sends to the chat's customer and offers to send the coupon into the chat", async () => {
    const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'chat-customer' });
    const { dispenser, api } = await issueFrom(bridge);
    expect((api.callsTo('issueCoupon')[0] as { customerId: string }).customerId).to.equal('chat-customer');
    const share = await until(() => $(dispenser, 'cl-host-share'), 'no send-to-chat');
    const button = await until(() => share.shadowRoot?.querySelector<HTMLButtonElement>('button'), 'no button');
    expect(button.textContent!.trim()).to.equal('Send to chat');
    button.click();
    await waitUntil(() => bridge.sent.length === 1);
    expect(bridge.sent[0]).to.deep.include({ type: 'text' });
    expect((bridge.sent[0] as { text: string }).text).to.contain('CL-HOST-1');
    await waitUntil(() => shadow(share).textContent!.includes('Sent.'));
  });

  it("shows the host's failure in words and shows no send-to-chat in a plain browser", async () => {
    const failing = stubHostBridge({
      entry: 'single-chat',
      customerId: 'chat-customer',
      error: new HostBridgeError('no-permission', 'sendChatMessage:fail no permission'),
    });
    const { dispenser } = await issueFrom(failing);
    const share = await until(() => $(dispenser, 'cl-host-share'));
    (await until(() => shadow(share).querySelector<HTMLButtonElement>('button'))).click();
    await waitUntil(() => shadow(share).textContent!.includes('no permission'), 'failure not shown');

    const plain = await issueFrom(plainBrowser());
    const plainShare = $(plain.dispenser, 'cl-host-share');
    await new Promise((r) => setTimeout(r, 50));
    expect(plainShare === null || shadow(plainShare).querySelector('button') === null).to.equal(true);
  });

  it('the composer offers "Share through WeCom" only where the host can share to moments', async () => {
    const capable = stubHostBridge({ entry: 'single-chat', capabilities: { shareToMoments: true } });
    const { page } = await inProvider(
      capable,
      html`<cl-moments-composer draft-key="host-test-${Date.now()}"></cl-moments-composer>`,
    );
    const composer = page.querySelector('cl-moments-composer')!;
    const area = await until(() => $(composer, 'textarea') as HTMLTextAreaElement | null, 'composer did not load');
    area.value = '周末上新';
    area.dispatchEvent(new Event('input'));
    const share = await until(() => $(composer, 'cl-host-share'), 'no share button');
    const button = await until(() => shadow(share).querySelector<HTMLButtonElement>('button'));
    expect(button.textContent!.trim()).to.equal('Share through WeCom');
    button.click();
    await waitUntil(() => capable.shared.length === 1);
    expect(capable.shared[0]!.text).to.equal('周末上新');

    const plain = await inProvider(
      plainBrowser(),
      html`<cl-moments-composer draft-key="host-plain-${Date.now()}"></cl-moments-composer>`,
    );
    const other = plain.page.querySelector('cl-moments-composer')!;
    const otherArea = await until(() => $(other, 'textarea') as HTMLTextAreaElement | null);
    otherArea.value = '周末上新';
    otherArea.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 50));
    const plainShare = $(other, 'cl-host-share');
    expect(plainShare === null || shadow(plainShare).querySelector('button') === null).to.equal(true);
  });
});
