import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientelingElement, defineElement } from '@clienteling/core/elements.js';
import type { HostBridge } from '@clienteling/core';
import { stubAdapter } from '../../../test/helpers/stub-adapter.js';

/** An element about one customer: records every load and the customer it was for. */
class CustomerProbe extends ClientelingElement {
  @property({ attribute: 'customer-id' }) customerId = '';
  /** A property that has nothing to do with which customer is shown. */
  @property() note = '';
  loads: string[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('customer', changed)) this.loads.push(this.customerId);
  }

  protected override render() {
    return litHtml`<p>${this.customerId}</p>`;
  }
}
defineElement('cl-test-customer-probe', CustomerProbe);

/** An element about one group. */
class GroupProbe extends ClientelingElement {
  @property({ attribute: 'group-id' }) groupId = '';
  loads: string[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.shouldLoad('group', changed)) this.loads.push(this.groupId);
  }
}
defineElement('cl-test-group-probe', GroupProbe);

/** A host page in a WeCom chat with one customer (and group), asked how many times. */
function chatBridge(ids: { customerId?: string; groupId?: string }) {
  const asked = { customer: 0, group: 0 };
  const bridge = {
    kind: 'stub',
    capabilities: {
      currentCustomer: Boolean(ids.customerId),
      currentGroup: Boolean(ids.groupId),
      sendToChat: false,
      shareToMoments: false,
      openCustomerProfile: false,
    },
    getEntry: async () => 'single-chat',
    getCurrentCustomerId: async () => {
      asked.customer++;
      return ids.customerId;
    },
    getCurrentGroupId: async () => {
      asked.group++;
      return ids.groupId;
    },
  } as unknown as HostBridge;
  return { bridge, asked };
}

describe('element kit: which customer an element shows (shouldLoad)', () => {
  it('loads for the customer given, and again when the customer or the adapter changes, not otherwise', async () => {
    const adapter = stubAdapter();
    const el = await fixture<CustomerProbe>(
      html`<cl-test-customer-probe .adapter=${adapter} customer-id="c1"></cl-test-customer-probe>`,
    );
    expect(el.loads).to.deep.equal(['c1']);
    el.note = 'something else';
    await el.updateComplete;
    expect(el.loads).to.deep.equal(['c1']);
    el.customerId = 'c2';
    await el.updateComplete;
    expect(el.loads).to.deep.equal(['c1', 'c2']);
    el.adapter = stubAdapter();
    await el.updateComplete;
    expect(el.loads).to.deep.equal(['c1', 'c2', 'c2']);
    el.note = 'and again';
    await el.updateComplete;
    expect(el.loads).to.deep.equal(['c1', 'c2', 'c2']);
  });

  it("takes the host page's current customer when none is given, asking the bridge once", async () => {
    const { bridge, asked } = chatBridge({ customerId: 'from-chat' });
    const el = await fixture<CustomerProbe>(
      html`<cl-test-customer-probe .adapter=${stubAdapter()} .bridge=${bridge}></cl-test-customer-probe>`,
    );
    await waitUntil(() => el.customerId === 'from-chat', 'the chat customer was never taken');
    await el.updateComplete;
    expect(el.loads).to.deep.equal(['', 'from-chat']);
    el.note = 'something else';
    await el.updateComplete;
    expect(asked.customer).to.equal(1);
  });

  it('keeps the customer given over the host page’s, and asks the bridge nothing', async () => {
    const { bridge, asked } = chatBridge({ customerId: 'from-chat' });
    const el = await fixture<CustomerProbe>(
      html`<cl-test-customer-probe
        .adapter=${stubAdapter()}
        .bridge=${bridge}
        customer-id="given"
      ></cl-test-customer-probe>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await el.updateComplete;
    expect([el.customerId, asked.customer]).to.deep.equal(['given', 0]);
    expect(el.loads).to.deep.equal(['given']);
  });

  it("follows the same rule for a group: the host page's current group when none is given", async () => {
    const { bridge, asked } = chatBridge({ groupId: 'group-from-chat' });
    const el = await fixture<GroupProbe>(
      html`<cl-test-group-probe .adapter=${stubAdapter()} .bridge=${bridge}></cl-test-group-probe>`,
    );
    await waitUntil(() => el.groupId === 'group-from-chat', 'the chat group was never taken');
    await el.updateComplete;
    expect(el.loads).to.deep.equal(['', 'group-from-chat']);
    expect([asked.group, asked.customer]).to.deep.equal([1, 0]);
  });
});
