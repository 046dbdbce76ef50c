import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  AdapterError,
  LIMITS,
  type Capabilities,
  type Customer,
  type OperationInput,
  type StaffProfile,
  type StaffSummary,
  type Transfer,
  type TransferPreview,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/customer-transfer/define.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { network } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';
import { storeGroups } from './support/tag-groups.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

const MANAGER = fixtures.staff({ id: 'mgr', name: '周敏', position: '店长', role: 'manager' });
const ASSOCIATE = fixtures.staff({ id: 'staff-9', name: '张伟', position: '导购' });
const STAFF: StaffProfile[] = [
  fixtures.staff({ id: 'leaving', name: '王丽', position: '美妆顾问' }),
  fixtures.staff({ id: 'successor', name: '李娜', position: '导购' }),
  fixtures.staff({ id: 'staff-4', name: '陈晨', position: '导购' }),
];
const SURNAMES = ['陈', '林', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['静', '敏', '婷', '雪', '丹', '琳', '欣', '悦', '佳', '颖'];
const TAG_IDS = storeGroups().flatMap((group) => group.tags.map((tag) => tag.id));

interface BackendOptions {
  viewer?: StaffProfile;
  customers?: number;
  /** Customers transferred twice in the last 90 days already (every `n`th). */
  tooFrequentEvery?: number;
  /** The successor's room under the cap. */
  successorRoom?: number;
  latency?: number;
  hang?: boolean;
  loadError?: AdapterError;
  /** The first transfer is made but its answer is lost. */
  loseFirstAnswer?: boolean;
  /** Earlier transfers, newest first. */
  history?: Transfer[];
  capabilities?: Partial<Capabilities>;
}

const counts = (over: Partial<Transfer['counts']> = {}): Transfer['counts'] => ({
  waiting: 0,
  done: 0,
  refused: 0,
  'too-frequent': 0,
  'successor-over-cap': 0,
  'not-owned': 0,
  'in-transfer': 0,
  ...over,
});

const HISTORY: Transfer[] = [
  fixtures.transfer({
    id: 'h-2',
    fromStaffId: 'staff-4',
    toStaffId: 'successor',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    counts: counts({ waiting: 38, refused: 2 }),
  }),
  fixtures.transfer({
    id: 'h-1',
    mode: 'resigned',
    fromStaffId: 'staff-4',
    toStaffId: 'leaving',
    createdAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    counts: counts({ done: 120 }),
  }),
];

/** A store in memory: the leaving associate's customers, the 90-day rule, the successor's cap, transfers once. */
function backend(options: BackendOptions = {}) {
  const answer = network({ latency: options.latency ?? 250, hang: options.hang });
  const customers: Customer[] = Array.from({ length: options.customers ?? 240 }, (_, i) =>
    fixtures.customer({
      id: `c-${i}`,
      name: `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 10]}${i % 3 ? '' : GIVEN[(i * 3) % 10]}`,
      ownerStaffId: 'leaving',
      tagIds: [TAG_IDS[i % TAG_IDS.length]!, TAG_IDS[(i * 5) % TAG_IDS.length]!],
    }),
  );
  const room = options.successorRoom ?? 1_400;
  const summaries: StaffSummary[] = [
    fixtures.staffSummary({ staff: STAFF[0], customerCount: customers.length }),
    fixtures.staffSummary({ staff: STAFF[1], customerCount: 2_000 - room, customerCap: 2_000 }),
    fixtures.staffSummary({ staff: STAFF[2], customerCount: 640, customerCap: 2_000 }),
  ];
  const transfers: Transfer[] = [...(options.history ?? HISTORY)];
  const every = options.tooFrequentEvery ?? 0;
  let lose = options.loseFirstAnswer ?? false;
  const preview = (input: OperationInput<'previewTransfer'>): TransferPreview => {
    const ids = input.allCustomers ? customers.map((customer) => customer.id) : (input.customerIds ?? []);
    let free = room;
    const results = ids.map((customerId, i) => {
      if (input.mode === 'on-job' && every && i % every === 0) return { customerId, status: 'too-frequent' as const };
      if (free-- <= 0) return { customerId, status: 'successor-over-cap' as const };
      return { customerId, status: 'ok' as const };
    });
    const count = (status: string) => results.filter((result) => result.status === status).length;
    return {
      customers: results,
      groups: (input.groupIds ?? []).map((groupId) => ({ groupId, status: 'ok' as const })),
      counts: {
        ok: count('ok'),
        'too-frequent': count('too-frequent'),
        'successor-over-cap': count('successor-over-cap'),
        'not-owned': 0,
        'in-transfer': 0,
      },
      batches: Math.ceil(count('ok') / LIMITS.transferBatchMax),
      successor: summaries[1]!,
    };
  };
  return stubAdapter(
    {
      getCurrentStaff: () => answer(() => options.viewer ?? MANAGER, options.loadError),
      listStaff: ({ query }) =>
        answer(() => {
          const items = summaries.filter((summary) => !query || summary.staff.name.includes(query));
          return { items, nextCursor: null, total: items.length };
        }),
      listTagGroups: () => answer(() => storeGroups()),
      searchCustomers: (input) =>
        answer(() => {
          const { query, tagIds } = input as { query?: string; tagIds?: string[] };
          const found = customers.filter(
            (customer) =>
              (!query || customer.name.includes(query)) &&
              (!tagIds || tagIds.every((id) => customer.tagIds.includes(id))),
          );
          const start = input.cursor ? Number(input.cursor) : 0;
          const limit = input.limit ?? 50;
          const next = start + limit < found.length ? String(start + limit) : null;
          return { items: found.slice(start, start + limit), nextCursor: next, total: found.length };
        }),
      listGroups: () =>
        answer(() => ({
          items: [
            fixtures.group({ id: 'g-1', name: '南京东路店 VIP 群', ownerId: 'leaving', memberCount: 87 }),
            fixtures.group({
              id: 'g-2',
              name: '王丽的美妆福利群',
              ownerId: 'leaving',
              memberCount: 212,
              memberCap: 500,
            }),
          ],
          nextCursor: null,
        })),
      previewTransfer: (input) => answer(() => preview(input)),
      transferCustomers: (input) =>
        answer(() => {
          let made = transfers.find((transfer) => transfer.requestId === input.requestId);
          if (!made) {
            const checked = preview(input);
            const status = input.mode === 'on-job' ? ('waiting' as const) : ('done' as const);
            made = fixtures.transfer({
              id: `t-${transfers.length + 1}`,
              requestId: input.requestId,
              mode: input.mode,
              fromStaffId: input.fromStaffId,
              toStaffId: input.toStaffId,
              createdAt: new Date().toISOString(),
              message: input.message,
              customers: checked.customers.map((result) => ({
                ...result,
                status: result.status === 'ok' ? status : result.status,
              })),
              groups: checked.groups.map((group) => ({ groupId: group.groupId, status: 'done' as const })),
              counts: counts({
                [status]: checked.counts.ok,
                'too-frequent': checked.counts['too-frequent'],
                'successor-over-cap': checked.counts['successor-over-cap'],
              }),
            });
            transfers.unshift(made);
          }
          if (lose) {
            lose = false;
            throw new AdapterError('unavailable', 'connection reset');
          }
          return made;
        }),
      getTransfer: ({ transferId }) => answer(() => transfers.find((transfer) => transfer.id === transferId)!),
      listTransfers: () => answer(() => ({ items: transfers, nextCursor: null })),
    },
    options.capabilities,
  );
}

/** A phone-sized scrolling box. */
const FRAME_STYLE = [
  'height:720px',
  'max-width:375px',
  'overflow:auto',
  'border:1px solid var(--cl-color-border, #d5d9df)',
  'background:var(--cl-color-surface, #fff)',
].join(';');

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

const transfer = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, html`<div style=${FRAME_STYLE}>${element('cl-customer-transfer', args)}</div>`);

const onBackend = (options: BackendOptions, args: Args = {}): Story => ({
  args,
  render: transfer({ adapter: () => backend(options) }),
});

const TAG = 'cl-customer-transfer';

/** Chooses who leaves and who takes over. */
async function chooseBoth(canvas: HTMLElement) {
  const option = (which: string, name: string) =>
    [
      ...(inShadow(canvas, TAG, 'form')?.querySelectorAll(`[aria-labelledby="${which}-title"] [part=staff]`) ?? []),
    ].find((label) => label.textContent?.includes(name)) as HTMLLabelElement | undefined;
  (await waitFor(() => option('from', '王丽'), 'the staff')).querySelector('input')!.click();
  const customersStep = '[aria-labelledby="customers-title"]';
  await waitFor(
    () => inShadow(canvas, TAG, `${customersStep} [part=customer], ${customersStep} [part=state]`),
    'the customers',
  );
  (await waitFor(() => option('to', '李娜'), 'the successor')).querySelector('input')!.click();
}

/** Chooses both, selects every customer and asks for the preview. */
async function previewAll(canvas: HTMLElement) {
  await chooseBoth(canvas);
  await clickInShadow(canvas, TAG, '[part=select-all] input');
  await clickInShadow(canvas, TAG, 'button[type=submit]');
  await waitFor(() => inShadow(canvas, TAG, '[part=submit-button]'), 'the preview');
}

const DOCS = `
A store manager hands a departing associate's customers and groups to a successor: who leaves, which customers
(search, filter by tag, select all across pages) and groups, who takes over (with the room left under their cap),
on-job or resigned, the message to the customers, a preview of who can go and why the others cannot, a
confirmation, then each customer's status, followed while customers have their 24 hours.

**Rules of the trade it enforces**
- At most 100 customers per platform request: the count and the number of requests show before sending (the
  adapter splits the batches).
- On-job: each customer at most twice in 90 days; the customer is told (message at most 200 characters, a suggested
  text in both languages) and the takeover completes after 24 h unless refused. Resigned: at once.
- The successor's cap: cap − customers − those on their way.
- Sent \`once\` with a request id kept across retries: a retry after a lost answer never hands over twice.
- Only a manager gets the form; an associate sees a read-only notice.

**Do** give it a provider whose adapter implements the transfer operations. **Don't** call
\`transferCustomers\` yourself: listen to \`cl-transfer-complete\`.
`;

const meta: Meta<Args> = {
  title: 'Elements/Customer transfer',
  component: TAG,
  args: { pageSize: 50, refreshInterval: 30_000, fromStaffId: '' },
  render: transfer({ adapter: () => backend() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

export const Manager: Story = {};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkEnglish: Story = { globals: { theme: 'dark', locale: 'en' } };

/** The departing associate given by the page (`from-staff-id`): their customers list at once. */
export const AssociateGiven: Story = { args: { fromStaffId: 'leaving' } };

/** An associate, not a manager: a clear read-only notice. */
export const AssociateReadOnly: Story = onBackend({ viewer: ASSOCIATE });

export const Loading: Story = onBackend({ hang: true });

export const LoadError: Story = onBackend({ loadError: new AdapterError('unavailable', 'offline') });

/** An associate without customers: the list says so. */
export const NoCustomers: Story = {
  ...onBackend({ customers: 0, history: [] }),
  play: async ({ canvasElement }) => chooseBoth(canvasElement),
};

/** Every customer selected across pages: the count, the 100-per-request and the 90-day limits. */
export const SelectAllAcrossPages: Story = {
  play: async ({ canvasElement }) => {
    await chooseBoth(canvasElement);
    await clickInShadow(canvasElement, TAG, '[part=select-all] input');
  },
};

/** Some customers cannot go: transferred twice in 90 days, or over the successor's cap. */
export const PreviewWithRefusals: Story = {
  ...onBackend({ tooFrequentEvery: 9, successorRoom: 180 }),
  play: async ({ canvasElement }) => previewAll(canvasElement),
};

/** The confirmation dialog, with the message the customers get. */
export const Confirm: Story = {
  play: async ({ canvasElement }) => {
    await previewAll(canvasElement);
    await clickInShadow(canvasElement, TAG, '[part=submit-button]');
  },
};

/** The answer is lost: "not confirmed", and Retry sends the same request id (one transfer). */
export const AnswerLost: Story = {
  ...onBackend({ loseFirstAnswer: true }),
  play: async ({ canvasElement }) => {
    await previewAll(canvasElement);
    await clickInShadow(canvasElement, TAG, '[part=submit-button]');
    const confirm = await waitFor(
      () => inShadow<HTMLButtonElement>(canvasElement, TAG, 'dialog [data-variant=primary]'),
      'confirm',
    );
    confirm.click();
  },
};

/** After the transfer: each status, followed while customers wait their 24 hours. */
export const Following: Story = {
  play: async ({ canvasElement }) => {
    await previewAll(canvasElement);
    await clickInShadow(canvasElement, TAG, '[part=submit-button]');
    const confirm = await waitFor(
      () => inShadow<HTMLButtonElement>(canvasElement, TAG, 'dialog [data-variant=primary]'),
      'confirm',
    );
    confirm.click();
  },
};

/** An adapter without transfers (capability `transferCustomers` false): a notice, not a broken form. */
export const AdapterWithoutTransfers: Story = onBackend({ capabilities: { transferCustomers: false } });

export const NoHistory: Story = onBackend({ history: [] });

/** The browser has no network: the element says so. */
export const BrowserOffline: Story = { beforeEach: browserOffline };

export const NoAdapter: Story = { render: transfer({}) };
