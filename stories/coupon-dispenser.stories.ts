import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, DEFAULT_POLICY, type CouponOffer, type CouponStock, type IssuedCoupon } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/coupon-dispenser/define.js';
import type { CouponDispenser } from '@clienteling/coupon-dispenser';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { couponBackend } from '../test/helpers/coupon-backend.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { never, network, wait } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';

/** Stories run at a fixed time inside the sample stocks' validity window, so they never go stale. */
const NOW = new Date('2026-11-15T10:00:00+08:00');

const stock = (over: Partial<CouponOffer> = {}): CouponStock => {
  const { held: _held, ...rest } = fixtures.couponOffer(over);
  return rest;
};

const sampleStocks = (): CouponStock[] => [
  stock(),
  stock({
    id: 'stock-2',
    name: '会员专享85折',
    description: '限正价商品，特价商品除外',
    benefit: { kind: 'discount', percentOff: 15, threshold: 0 },
    perCustomerLimit: 3,
    remaining: 812,
    total: 1000,
  }),
  stock({
    id: 'stock-3',
    name: '满1000赠旅行套装',
    benefit: { kind: 'gift', gift: '旅行套装', threshold: 100000 },
    remaining: 6,
    total: 50,
  }),
];

const sampleCoupons = (): IssuedCoupon[] => [
  fixtures.issuedCoupon({ id: 'c1', code: 'CL-2611-8KQ2', stockId: 'stock-2', stockName: '会员专享85折' }),
  fixtures.issuedCoupon({
    id: 'c2',
    code: 'CL-2610-3MZ7',
    stockId: 'stock-oct',
    stockName: '十月 满300减50',
    status: 'redeemed',
    redeemedAt: '2026-11-08T15:20:00+08:00',
  }),
  fixtures.issuedCoupon({
    id: 'c3',
    code: 'CL-2609-1AB4',
    stockId: 'stock-national-day',
    stockName: '国庆满500减80',
    status: 'expired',
    validUntil: '2026-10-07T23:59:59+08:00',
  }),
];

interface ShopOptions {
  stocks?: CouponStock[];
  coupons?: IssuedCoupon[];
  /** Every issue attempt fails with this error. */
  failWith?: AdapterError;
  /** The first issue attempt loses its response (the coupon is issued, the answer never arrives). */
  loseFirstResponse?: boolean;
  /** Loading or issuing never answers. */
  hangLoading?: boolean;
  hangIssuing?: boolean;
  loadError?: AdapterError;
  canIssue?: boolean;
}

/** The shared in-memory coupon backend (idempotent by request id, stock and limits), with latency. */
function shop(options: ShopOptions = {}) {
  const backend = couponBackend(
    options.stocks ?? sampleStocks(),
    options.coupons ?? sampleCoupons(),
    NOW,
    (serial) => `CL-2611-${String(serial).padStart(4, '0')}`,
  );
  backend.control.failWith = options.failWith;
  backend.control.loseNextResponse = options.loseFirstResponse;
  const { listCouponStocks, listCustomerCoupons, issueCoupon } = backend.operations;
  const answer = network({ latency: 300, hang: options.hangLoading });
  const load = <T>(value: () => Promise<T>) => answer(value, options.loadError);
  return stubAdapter(
    {
      getPolicy: async () => DEFAULT_POLICY,
      listCouponStocks: (input) => load(() => listCouponStocks(input)),
      listCustomerCoupons: (input) => load(() => listCustomerCoupons(input)),
      issueCoupon: async (input) => {
        if (options.hangIssuing) return never();
        await wait(600);
        return issueCoupon(input);
      },
    },
    { issueCoupon: options.canIssue ?? true },
  );
}

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

/** The dispenser with the story's args, on `wiring`. */
const dispenser = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, element('cl-coupon-dispenser', args));

/** A story on a shop with these options. */
const onShop = (options: ShopOptions, args: Args = {}): Story => ({
  args,
  render: dispenser({ adapter: () => shop(options) }),
});

/** Opens the confirmation of the first sendable offer, and confirms it when asked. */
const sendFirst =
  (confirm: boolean) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const element = canvasElement.querySelector<CouponDispenser>('cl-coupon-dispenser')!;
    const root = element.shadowRoot!;
    for (let i = 0; i < 50 && !root.querySelector('[part~="send-button"]:not([disabled])'); i++) await wait(50);
    root.querySelector<HTMLButtonElement>('[part~="send-button"]:not([disabled])')!.click();
    // The dialog opens once its sheet has loaded (on demand).
    for (let i = 0; i < 50 && !root.querySelector('dialog[open]'); i++) await wait(50);
    if (!confirm) return;
    root.querySelector<HTMLButtonElement>('dialog [data-variant="primary"]')!.click();
    // Sending takes 600 ms on this shop: wait for the outcome (or the pending state) to show.
    await wait(700);
  };

const DOCS = `
Where an associate sends a customer a coupon from the company's stocks, in a chat sidebar or on the customer's
page, and sees what the customer already holds. Coupons sent by associates drove more than a billion yuan of sales
for one department-store chain.

**Rules of the trade it enforces**
- A stock runs out; each customer holds at most its per-customer limit; a stock is valid in a window (at most 90
  days). Each offer says why it cannot be sent: sold out, limit reached, not started, expired.
- Sending asks for confirmation, then is idempotent: one request id per intended send, kept across retries, so a
  lost answer never issues a second coupon.
- Distinct outcomes in words: sent (with the code), limit reached, sold out meanwhile, not started or expired,
  customer not reachable.
- In a WeCom chat the customer comes from the chat, and the sent coupon can be sent into the chat.

**Do** give it \`customer-id\`, or let the host bridge give the chat's customer. **Do** listen to
\`cl-coupon-issued\` to update the page. **Don't** retry a send yourself with a new request: the element keeps the
request id. **Don't** hide the reasons an offer is disabled.
`;

const meta: Meta<Args> = {
  title: 'Elements/Coupon dispenser',
  component: 'cl-coupon-dispenser',
  args: { customerId: 'cust-1', now: NOW.getTime() },
  render: dispenser({ adapter: () => shop() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

export const Default: Story = {};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkEnglish: Story = { globals: { theme: 'dark', locale: 'en' } };

export const Loading: Story = onShop({ hangLoading: true });

export const Empty: Story = onShop({ stocks: [], coupons: [] });

/** Offline: the reason, and a retry. */
export const Offline: Story = onShop({ loadError: new AdapterError('unavailable', 'offline') });

export const LoadErrorNoRetry: Story = onShop({ loadError: new AdapterError('forbidden', 'not allowed') });

export const UnavailableReasons: Story = onShop({
  stocks: [
    stock({
      id: 'sold',
      name: '双11 满500减100',
      remaining: 0,
      benefit: { kind: 'amount-off', amountOff: 10000, threshold: 50000 },
    }),
    stock({ id: 'limit', name: '满300减50' }),
    stock({
      id: 'later',
      name: '圣诞 9折',
      validFrom: '2026-12-20T00:00:00+08:00',
      benefit: { kind: 'discount', percentOff: 10, threshold: 0 },
    }),
    stock({
      id: 'gone',
      name: '国庆 满500减80',
      validFrom: '2026-09-25T00:00:00+08:00',
      validUntil: '2026-10-07T23:59:59+08:00',
      benefit: { kind: 'amount-off', amountOff: 8000, threshold: 50000 },
    }),
  ],
  coupons: [fixtures.issuedCoupon({ stockId: 'limit' })],
});

export const ReadOnly: Story = onShop({ canIssue: false });

export const NoCustomer: Story = { args: { customerId: '' } };

/** The browser has no network: the dispenser says so before a send fails. */
export const BrowserOffline: Story = { beforeEach: browserOffline };

export const NoAdapter: Story = { render: dispenser({}) };

/** The confirm sheet before a send. */
export const Confirm: Story = { play: sendFirst(false) };

export const Sending: Story = { ...onShop({ hangIssuing: true }), play: sendFirst(true) };

export const Sent: Story = { play: sendFirst(true) };

/** No answer within the adapter timeout (1 s here): "not confirmed", with a retry that reuses the request id. */
export const SendNotConfirmed: Story = {
  ...onShop({ hangIssuing: true }, { timeout: 1000 }),
  play: async (context) => {
    await sendFirst(true)(context);
    await wait(600);
  },
};

export const NetworkErrorThenRetry: Story = {
  name: 'Network error (retry sends once)',
  ...onShop({ loseFirstResponse: true }),
  play: sendFirst(true),
};

export const SoldOutMeanwhile: Story = {
  ...onShop({ failWith: new AdapterError('sold-out', 'sold out') }),
  play: sendFirst(true),
};

export const LimitReached: Story = {
  ...onShop({ failWith: new AdapterError('limit-reached', 'limit') }),
  play: sendFirst(true),
};

export const NotStarted: Story = {
  ...onShop({ failWith: new AdapterError('expired', 'not started', { reason: 'not-started' }) }),
  play: sendFirst(true),
};

export const Expired: Story = {
  ...onShop({ failWith: new AdapterError('expired', 'expired') }),
  play: sendFirst(true),
};

export const CustomerUnreachable: Story = {
  ...onShop({ failWith: new AdapterError('forbidden', 'unreachable', { reason: 'customer-unreachable' }) }),
  play: sendFirst(true),
};

/** In a WeCom single chat: the customer comes from the chat; after sending, "Send to chat" (fake host bridge). */
export const SentInWecomChat: Story = {
  args: { customerId: '' },
  render: dispenser({
    adapter: () => shop(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' }),
  }),
  play: sendFirst(true),
};

/** In a WeCom group chat there is no one customer: the dispenser asks for one. */
export const GroupChat: Story = {
  args: { customerId: '' },
  render: dispenser({
    adapter: () => shop(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'group-chat', groupId: 'group-1' }),
  }),
};

/** In a plain browser nothing can be sent into a chat: after sending, the code only. */
export const SentInPlainBrowser: Story = {
  render: dispenser({ adapter: () => shop(), bridge: () => stubHostBridge({ kind: 'browser', entry: 'normal' }) }),
  play: sendFirst(true),
};

/** Sending from one dispenser counts in the other (the limit is per customer). */
export const TwoDispensersOneCustomer: Story = {
  name: 'Two dispensers, one customer',
  render: (args, context) =>
    wired(
      context,
      { adapter: () => shop({ stocks: [stock({ perCustomerLimit: 1 })], coupons: [] }) },
      html`<div style="display:grid;gap:16px">
        ${element('cl-coupon-dispenser', args)} ${element('cl-coupon-dispenser', args)}
      </div>`,
    ),
};

/** A retailer's brand through the element's own tokens (each one a control): gold accent, square corners. */
export const BrandTokens: Story = {
  args: {
    '--cl-coupon-dispenser-accent': 'var(--cl-color-company)',
    '--cl-coupon-dispenser-card-background': 'var(--cl-color-surface-muted)',
    '--cl-coupon-dispenser-radius': '2px',
  },
};
