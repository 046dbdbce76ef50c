import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, type ResultsTotals } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/staff-results/define.js';
import { NOW, resultsBackend, type ResultsBackendOptions } from '../packages/staff-results/test/results-backend.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired } from './support/story-context.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

type Args = Record<string, unknown>;

/** The results with the story's args, on a backend with these options. */
const onBackend = (options: ResultsBackendOptions = {}, args: Args = {}): Story => ({
  args,
  render: (storyArgs: Args, context: StoryContext) =>
    wired(context, { adapter: () => resultsBackend(options) }, element('cl-staff-results', storyArgs)),
});

const inResults = (canvas: HTMLElement, selector: string) => inShadow(canvas, 'cl-staff-results', selector);

const DOCS = `
The numbers that show what clienteling brings, for an associate or (for a manager) a store: customers added by
channel, customers served, coupons sent and redeemed, attributed sales, the share of sales after the store closed,
and the repurchase rate, each compared with the period before and drawn day by day.

**Rules of the trade it shows**
- A sale is the associate's when it redeemed their coupon, else when they served the customer last within the
  attribution window (7 days by default, policy), else no one's. The backend attributes; the element shows.
- "After hours" is by each store's opening hours and time zone; days are the store's calendar days.
- Channels are the add ways, a contact-me code's \`state\` naming its campaign or store.

**Do** give a manager \`store-id\` (or \`view="store"\`) to rank the store's associates, and pass \`now\` when your
adapter runs on another clock. **Don't** compare figures across periods of different lengths yourself: each
figure is compared with the same number of days just before.
`;

const meta: Meta<Args> = {
  title: 'Elements/Staff results',
  component: 'cl-staff-results',
  args: { period: '7d', view: 'staff', staffId: '', storeId: '', from: '', to: '', now: NOW.getTime() },
  argTypes: {
    period: { control: 'inline-radio', options: ['today', '7d', '30d', 'custom'] },
    view: { control: 'inline-radio', options: ['staff', 'store'] },
    now: { control: 'date' },
  },
  render: onBackend().render,
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;
type Story = StoryObj<Args>;

/** An associate's last 7 days: every figure with its change from the 7 days before. */
export const SevenDays: Story = {};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkEnglish: Story = { globals: { theme: 'dark', locale: 'en' } };

/** Today, compared with yesterday (one day: no chart). */
export const Today: Story = { args: { period: 'today' } };

/** The last 30 days. */
export const ThirtyDays: Story = { args: { period: '30d' } };

/** Custom days: the two date fields; beyond a month the days are drawn as a line. */
export const CustomRange: Story = { args: { period: 'custom', from: '2026-09-01', to: '2026-11-30' } };

/** Custom days that cannot be: the last before the first. */
export const ReversedRange: Story = { args: { period: 'custom', from: '2026-12-01', to: '2026-11-20' } };

/** A manager's store (`store-id`): the store's figures and its associates ranked by attributed sales. */
export const Store: Story = { args: { storeId: 'store-1' } };

export const StoreEnglish: Story = { args: { storeId: 'store-1' }, globals: { locale: 'en' } };

/** A chain's year: 万 and 亿 in Chinese, K, M and B in English. */
const largeTotals: ResultsTotals = {
  customersAdded: 123_456,
  customersAddedByChannel: [{ kind: 'contact-me', state: 'all_stores_2026', count: 123_456 }],
  customersServed: 3_012_345,
  couponsSent: 850_000,
  couponsRedeemed: 212_500,
  redemptionRate: 0.25,
  attributedSales: { coupon: 100_000_000_000, other: 23_456_789_00 },
  attributedOrders: 1_200_000,
  afterHoursShare: 0.16,
  repurchaseRate: 0.41,
};
export const LargeNumbers: Story = onBackend({
  totals: largeTotals,
  previous: {
    ...largeTotals,
    customersAdded: 110_000,
    customersServed: 2_900_000,
    couponsSent: 900_000,
    attributedSales: { coupon: 92_000_000_000, other: 21_000_000_00 },
    repurchaseRate: 0.38,
  },
});

export const Loading: Story = onBackend({ hang: true });

/** A period without any result: what will show up here, not a blank. */
export const Empty: Story = onBackend({ empty: true });

export const EmptyEnglish: Story = { ...onBackend({ empty: true }), globals: { locale: 'en' } };

/** The service could not be reached: the reason and a retry. */
export const LoadError: Story = onBackend({
  failing: { getStaffResults: new AdapterError('unavailable', 'offline', { retryable: true }) },
});

/** The browser has no network: the element says so (the adapter of this story still answers). */
export const Offline: Story = { beforeEach: browserOffline };

/** An adapter without results (capability `staffResults` off). */
export const NotAvailable: Story = onBackend({ capabilities: { staffResults: false } });

/** Switching to 30 days from the switcher. */
export const SwitchPeriod: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-staff-results', 'input[value="30d"]');
    await waitFor(() => inResults(canvasElement, '[data-figure="customersAdded"] tbody tr:nth-child(30)'), '30 days');
  },
};

/** A backend whose every load counts one more coupon sent, as if the associate had just sent one. */
const couponCountingBackend = () => {
  const backend = resultsBackend();
  const answer = backend.getStaffResults;
  let loads = 0;
  backend.getStaffResults = async (input) => {
    const results = await answer(input);
    return { ...results, totals: { ...results.totals, couponsSent: results.totals.couponsSent + loads++ } };
  };
  return backend;
};

/** A coupon sent elsewhere on the page (`cl-coupon-issued` reaching the document): the figures load again. */
export const RefreshesWhenACouponIsSent: Story = {
  render: (args: Args, context: StoryContext) =>
    wired(
      context,
      { adapter: couponCountingBackend },
      html`<button
          type="button"
          class="demo-button"
          style="min-height: 44px"
          @click=${(event: Event) =>
            event.target!.dispatchEvent(
              new CustomEvent('cl-coupon-issued', { detail: {}, bubbles: true, composed: true }),
            )}
        >
          发一张券 · Send a coupon
        </button>
        ${element('cl-staff-results', args)}`,
    ),
  play: async ({ canvasElement }) => {
    const sent = () => inResults(canvasElement, '[data-figure="couponsSent"] [part~="value"]')?.textContent?.trim();
    await waitFor(() => sent() === '60', 'the first load');
    canvasElement.querySelector<HTMLButtonElement>('button.demo-button')!.click();
    await waitFor(() => sent() === '61', 'the figures after the coupon');
  },
};
