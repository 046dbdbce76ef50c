import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, DEFAULT_POLICY, applyTagDiff, type Capabilities, type Customer } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/customer-profile/define.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { network } from './fake-network.js';
import { storeGroups } from './support/tag-groups.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

/** `MM-DD` of the day `days` from today: the stories' birthday is always coming up. */
const monthDayIn = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** A customer as a department store's associate knows her. */
const storeCustomer = (over: Partial<Customer> = {}): Customer =>
  fixtures.customer({
    name: '陈静',
    remark: '陈静-南京东路VIP',
    description: '喜欢运动风，周末常到店，偏爱浅色系外套',
    remarkPhones: ['138 0013 8001', '021-6234 5678'],
    remarkCompany: '静安设计',
    type: 'wechat',
    tagIds: ['age-1', 'job-1', 'style-0', 'style-2'],
    ruleTagIds: ['rfm-0'],
    ownerStaffId: 'staff-1',
    followerStaffIds: ['staff-1'],
    addedBy: 'staff-2',
    addWay: { kind: 'contact-me', state: '南京东路店-开业活动' },
    addedAt: '2026-03-02T02:00:00.000Z',
    importantDates: [
      { kind: 'birthday', date: `1992-${monthDayIn(3)}` },
      { kind: 'anniversary', date: monthDayIn(120), label: '入会纪念日' },
    ],
    purchases: {
      totalSpent: 1_288_800,
      orderCount: 12,
      lastPurchaseAt: '2026-11-20T11:30:00.000Z',
      averageOrderValue: 107_400,
      favouriteCategories: ['运动鞋', '外套'],
      sizes: [
        { category: '上装', size: 'M' },
        { category: '鞋', size: '38' },
      ],
    },
    ...over,
  });

interface BackendOptions {
  customer?: Partial<Customer>;
  capabilities?: Partial<Capabilities>;
  /** Loading never answers. */
  hang?: boolean;
  loadError?: AdapterError;
  /** Every update is refused with this error. */
  updateError?: AdapterError;
}

/** An in-memory backend: the customer, the store's tag groups, two associates. */
function backend(options: BackendOptions = {}) {
  const groups = storeGroups();
  let customer = storeCustomer(options.customer);
  const answer = network({ latency: 300, hang: options.hang });
  return stubAdapter(
    {
      getCustomer: () => answer(() => customer, options.loadError),
      listTagGroups: () => answer(() => groups),
      getCurrentStaff: () => answer(() => fixtures.staff({ id: 'staff-1', name: '王丽' })),
      getStaff: ({ staffId }) => answer(() => fixtures.staff({ id: staffId, name: '李娜' })),
      getPolicy: () => answer(() => DEFAULT_POLICY),
      updateCustomer: ({ customerId: _id, ...changes }) =>
        answer(() => (customer = { ...customer, ...changes }), options.updateError),
      markTags: (input) =>
        answer(() => (customer = { ...customer, tagIds: applyTagDiff(customer.tagIds, input, groups).tagIds })),
    },
    options.capabilities,
  );
}

type Args = Record<string, unknown>;

/** The profile with the story's args, on `wiring`. */
const profile = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, element('cl-customer-profile', args));

/** A story on a backend with these options. */
const onBackend = (options: BackendOptions, args: Args = {}): Story => ({
  args,
  render: profile({ adapter: () => backend(options) }),
});

const DOCS = `
Who this customer is, beside the chat: the first thing an associate looks at. Remark, description, phones and
company are edited inline; tags open the tag editor; purchases, important dates and how the customer was added
come from the backend.

**Rules of the trade it enforces**
- Remark at most 20 characters, description 150, company 20, at most 5 phone numbers (counters show the limit,
  a longer value is not sent).
- Only an associate who follows the customer edits; otherwise the profile says why it is read-only.
- Edits are optimistic; a refused one returns to the saved value, says why, and keeps what was typed to retry.
- The purchase summary shows only where the adapter has purchase data (capability \`purchaseData\`).

**Do** listen to \`cl-customer-action\` to wire "Send coupon" to your coupon dispenser, and to \`cl-edit-tags\`
if your page has its own tag screen (call \`preventDefault()\`). **Don't** copy the remark into your own state
while a save is pending: the profile rolls back on failure.
`;

const meta: Meta<Args> = {
  title: 'Elements/Customer profile',
  component: 'cl-customer-profile',
  args: { customerId: 'cust-1', readonly: false },
  render: profile({ adapter: () => backend() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;
type Story = StoryObj<Args>;

/** A WeChat user (`@微信`), followed by the signed-in associate: everything editable. */
export const LoadedWechat: Story = {};

/** A WeCom user of another company: the platform shows `@<company>`. */
export const LoadedWecom: Story = onBackend({
  customer: { type: 'wecom', corpName: '蓝鲸科技', remark: '', avatarUrl: undefined },
});

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Loading: Story = onBackend({ hang: true });

/** The signed-in associate does not follow this customer: read-only, with the reason. */
export const ReadOnlyNotFollowing: Story = onBackend({
  customer: { ownerStaffId: 'staff-9', followerStaffIds: ['staff-9'] },
});

/** The adapter cannot update customers. */
export const ReadOnlyAdapter: Story = onBackend({ capabilities: { updateCustomer: false, markTags: false } });

/** No POS behind the adapter: no purchase summary. */
export const NoPurchaseData: Story = onBackend({ capabilities: { purchaseData: false } });

/** The service could not be reached: the reason and a retry. */
export const LoadError: Story = onBackend({ loadError: new AdapterError('unavailable', 'offline') });

export const NotFound: Story = onBackend({ loadError: new AdapterError('not-found', 'gone') });

/** The browser has no network: the profile says so (the adapter of this story still answers). */
export const Offline: Story = { beforeEach: browserOffline };

/** A remark saved and refused: the saved value returns, the reason is announced, the typed value waits. */
export const Rollback: Story = {
  ...onBackend({ updateError: new AdapterError('unavailable', 'offline') }),
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-customer-profile', '[data-edit="remark"]');
    const input = await waitFor(
      () => inShadow<HTMLInputElement>(canvasElement, 'cl-customer-profile', '[data-input="remark"]'),
      'remark input',
    );
    input.value = '静姐';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await clickInShadow(canvasElement, 'cl-customer-profile', '[data-save]');
    await waitFor(() => inShadow(canvasElement, 'cl-customer-profile', '[part="message"]'), 'rollback');
  },
};

/** "Edit tags" with no page handler: the profile's own sheet with the tag editor. */
export const TagSheet: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-customer-profile', '[part~="edit-tags"]');
    await waitFor(
      () =>
        inShadow(canvasElement, 'cl-customer-profile', 'cl-tag-editor')
          ?.shadowRoot?.querySelector('cl-tag-picker')
          ?.shadowRoot?.querySelector('[role="radio"], [role="checkbox"]'),
      'the tag editor in the sheet',
    );
  },
};

export const NoCustomer: Story = { args: { customerId: '' } };

/** In a WeCom single-chat sidebar: no `customer-id`, the customer comes from the chat (fake host bridge). */
export const SidebarSingleChat: Story = {
  args: { customerId: '' },
  render: profile({
    adapter: () => backend(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' }),
  }),
};

/** The page's own actions in the `actions` slot, after the built-in ones. */
export const PageActions: Story = {
  render: (args, context) =>
    wired(
      context,
      { adapter: () => backend() },
      element('cl-customer-profile', args, html`<button slot="actions" style="min-height: 44px">加入群聊</button>`),
    ),
};
