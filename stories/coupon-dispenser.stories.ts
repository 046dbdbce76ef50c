import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, DEFAULT_POLICY, type CouponOffer, type CouponStock, type IssuedCoupon } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/coupon-dispenser/define.js';
import type { CouponDispenser } from '@clienteling/coupon-dispenser';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { couponBackend } from '../test/helpers/coupon-backend.js';
import { never, network, wait } from './fake-network.js';

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

const dispenser = (options: ShopOptions = {}, customer = 'cust-1') =>
  html`<cl-coupon-dispenser customer-id=${customer} .adapter=${shop(options)} .now=${NOW}></cl-coupon-dispenser>`;

/** Dark stories sit on the dark surface, as the element would on a dark page. */
const onDarkSurface = (content: unknown) =>
  html`<div style="padding:12px;background:var(--cl-color-surface)">${content}</div>`;

/** Opens the confirmation of the first sendable offer, and confirms it when asked. */
const sendFirst =
  (confirm: boolean) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const element = canvasElement.querySelector<CouponDispenser>('cl-coupon-dispenser')!;
    const root = element.shadowRoot!;
    for (let i = 0; i < 50 && !root.querySelector('[part~="send-button"]:not([disabled])'); i++) await wait(50);
    root.querySelector<HTMLButtonElement>('[part~="send-button"]:not([disabled])')!.click();
    await wait(50);
    if (confirm) root.querySelector<HTMLButtonElement>('dialog [data-variant="primary"]')!.click();
  };

const meta: Meta = {
  title: 'Elements/Coupon dispenser',
  component: 'cl-coupon-dispenser',
  parameters: {
    docs: {
      description: {
        component: [
          '`<cl-coupon-dispenser>` lists the coupon stocks an associate may send to one customer, sends one after a',
          'confirmation step (idempotent: one request id per intended send, kept across retries) and shows the coupons',
          'the customer holds. The fake adapter of these stories dedupes by request id and enforces stock and limits.',
        ].join(' '),
      },
    },
  },
  render: () => dispenser(),
};
export default meta;

type Story = StoryObj;

export const Default: Story = {};

export const English: Story = { render: () => html`<cl-provider locale="en">${dispenser()}</cl-provider>` };

export const Dark: Story = {
  render: () => html`<cl-provider theme="dark">${onDarkSurface(dispenser())}</cl-provider>`,
};

export const DarkEnglish: Story = {
  render: () => html`<cl-provider theme="dark" locale="en">${onDarkSurface(dispenser())}</cl-provider>`,
};

export const Loading: Story = { render: () => dispenser({ hangLoading: true }) };

export const Empty: Story = { render: () => dispenser({ stocks: [], coupons: [] }) };

export const LoadError: Story = { render: () => dispenser({ loadError: new AdapterError('unavailable', 'offline') }) };

export const LoadErrorNoRetry: Story = {
  render: () => dispenser({ loadError: new AdapterError('forbidden', 'not allowed') }),
};

export const UnavailableReasons: Story = {
  render: () =>
    dispenser({
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
    }),
};

export const ReadOnly: Story = { render: () => dispenser({ canIssue: false }) };

export const NoCustomer: Story = { render: () => dispenser({}, '') };

export const NoAdapter: Story = {
  render: () => html`<cl-coupon-dispenser customer-id="cust-1"></cl-coupon-dispenser>`,
};

export const Confirm: Story = { play: sendFirst(false) };

export const Sending: Story = { render: () => dispenser({ hangIssuing: true }), play: sendFirst(true) };

export const Sent: Story = { play: sendFirst(true) };

export const SentEnglish: Story = {
  render: () => html`<cl-provider locale="en">${dispenser()}</cl-provider>`,
  play: sendFirst(true),
};

export const NetworkErrorThenRetry: Story = {
  name: 'Network error (retry sends once)',
  render: () => dispenser({ loseFirstResponse: true }),
  play: sendFirst(true),
};

export const SoldOutMeanwhile: Story = {
  render: () => dispenser({ failWith: new AdapterError('sold-out', 'sold out') }),
  play: sendFirst(true),
};

export const LimitReached: Story = {
  render: () => dispenser({ failWith: new AdapterError('limit-reached', 'limit') }),
  play: sendFirst(true),
};

export const NotStarted: Story = {
  render: () => dispenser({ failWith: new AdapterError('expired', 'not started', { reason: 'not-started' }) }),
  play: sendFirst(true),
};

export const Expired: Story = {
  render: () => dispenser({ failWith: new AdapterError('expired', 'expired') }),
  play: sendFirst(true),
};

const customerUnreachable = () => new AdapterError('forbidden', 'unreachable', { reason: 'customer-unreachable' });

export const CustomerUnreachable: Story = {
  render: () => dispenser({ failWith: customerUnreachable() }),
  play: sendFirst(true),
};

export const CustomerUnreachableEnglish: Story = {
  render: () => html`<cl-provider locale="en">${dispenser({ failWith: customerUnreachable() })}</cl-provider>`,
  play: sendFirst(true),
};

export const TwoDispensersOneCustomer: Story = {
  name: 'Two dispensers, one customer',
  render: () => {
    const adapter = shop({ stocks: [stock({ perCustomerLimit: 1 })], coupons: [] });
    return html`<div style="display:grid;gap:16px">
      <cl-coupon-dispenser customer-id="cust-1" .adapter=${adapter} .now=${NOW}></cl-coupon-dispenser>
      <cl-coupon-dispenser customer-id="cust-1" .adapter=${adapter} .now=${NOW}></cl-coupon-dispenser>
    </div>`;
  },
};

/** A retailer's brand through the element's own tokens: gold accent, muted cards, square corners. */
const brandTokens = [
  '--cl-coupon-dispenser-accent:#b8860b',
  '--cl-coupon-dispenser-card-background:var(--cl-color-surface-muted)',
  '--cl-coupon-dispenser-radius:2px',
].join(';');

export const BrandTokens: Story = {
  render: () => html`<div style=${brandTokens}>${dispenser()}</div>`,
};
