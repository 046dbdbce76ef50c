import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  AdapterError,
  DEFAULT_POLICY,
  type Capabilities,
  type CustomerActivity,
  type OperationInput,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/customer-timeline/define.js';
import { TIMELINE_FILTER_NAMES } from '@clienteling/customer-timeline';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { network } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

const STAFF: Record<string, string> = { 'staff-1': '王丽', 'staff-2': '李娜', 'staff-3': '张伟' };
const TAGS = [
  { id: 't-sport', name: '运动风' },
  { id: 't-office', name: '白领' },
  { id: 't-20-30', name: '20-30岁' },
  { id: 't-vip', name: '高价值' },
];
const NOTES = [
  '客户下周三到店试穿白色外套，M 码，已预留。',
  '电话回访：对上次买的连衣裙很满意，想要同款其他颜色。',
  '生日快到了，准备发生日券，提醒她周末有会员日。',
  '询问了羊绒大衣的到货时间，到货后第一时间通知。',
];
const MOMENTS = ['秋冬新品到店，羊绒系列限时 8.5 折，欢迎到店试穿！', '会员日：满 300 减 50，本周六日两天。'];
const STOCKS = ['满 300 减 50', '会员日 8.5 折券', '生日礼：护手霜一支'];
const GROUPS = ['南京东路店 VIP 群', '老客福利群'];
const MINUTE = 60_000;

/** The `i`th entry of a plausible history, `minutesAgo` before now. */
function activityAt(i: number, minutesAgo: number): CustomerActivity {
  const base = { id: `act-${i}`, customerId: 'cust-1', at: new Date(Date.now() - minutesAgo * MINUTE).toISOString() };
  const staffId = i % 4 === 0 ? 'staff-2' : 'staff-1';
  switch (i % 9) {
    case 0:
      return {
        ...base,
        kind: 'purchase',
        amount: 39_900 + (i % 7) * 12_050,
        storeName: '南京东路店',
        attributedStaffId: staffId,
      };
    case 1:
      return { ...base, kind: 'coupon-redeemed', couponId: `c-${i}`, stockId: 's-1', stockName: STOCKS[i % 3]! };
    case 2:
      return { ...base, kind: 'coupon-issued', staffId, couponId: `c-${i}`, stockId: 's-1', stockName: STOCKS[i % 3]! };
    case 3:
      return { ...base, kind: 'moment-sent', staffId, momentId: `m-${i}`, text: MOMENTS[i % 2]! };
    case 4:
      return {
        ...base,
        kind: 'tags-changed',
        staffId,
        added: [TAGS[i % 4]!.id],
        removed: i % 2 ? [TAGS[(i + 1) % 4]!.id] : [],
      };
    case 5:
      return { ...base, kind: i % 2 ? 'joined-group' : 'left-group', groupId: 'g-1', groupName: GROUPS[i % 2]! };
    case 6:
      return {
        ...base,
        kind: 'profile-updated',
        staffId,
        changes: { remark: '陈姐', description: '喜欢浅色系，M 码' },
      };
    default:
      return { ...base, kind: 'note', staffId, text: NOTES[i % NOTES.length]! };
  }
}

/** `count` entries newest first, a few hours apart, ending with how the customer was added. */
function history(count: number): CustomerActivity[] {
  const entries = Array.from({ length: Math.max(0, count - 1) }, (_, i) => activityAt(i, 3 + i * 150 + (i % 5) * 17));
  if (count > 0) {
    entries.push({
      id: 'act-added',
      customerId: 'cust-1',
      kind: 'added',
      at: new Date(Date.now() - (count * 150 + 600) * MINUTE).toISOString(),
      staffId: 'staff-2',
      addWay: { kind: 'contact-me', state: '南京东路店' },
    });
  }
  return entries;
}

interface BackendOptions {
  count?: number;
  latency?: number;
  hang?: boolean;
  listError?: AdapterError;
  moreError?: AdapterError;
  noteError?: AdapterError;
  capabilities?: Partial<Capabilities>;
}

/** An in-memory timeline: keyset pages newest first, a kinds filter, notes once per request id. */
function backend(options: BackendOptions = {}) {
  const all = history(options.count ?? 40);
  const byRequest = new Map<string, CustomerActivity>();
  const answer = network({ latency: options.latency ?? 300, hang: options.hang });
  return stubAdapter(
    {
      getCurrentStaff: () => answer(() => fixtures.staff({ id: 'staff-1', name: '王丽' })),
      getStaff: ({ staffId }) => answer(() => fixtures.staff({ id: staffId, name: STAFF[staffId] ?? '同事' })),
      getPolicy: () => answer(() => DEFAULT_POLICY),
      listTagGroups: () =>
        answer(() => [
          fixtures.tagGroup({
            id: 'g-1',
            name: '风格',
            tags: TAGS.map((tag) => fixtures.tag({ ...tag, groupId: 'g-1' })),
          }),
        ]),
      listCustomerActivity: ({ kinds, cursor, limit }: OperationInput<'listCustomerActivity'>) =>
        answer(
          () => {
            const matching = all.filter((a) => !kinds || kinds.includes(a.kind));
            const start = cursor ? matching.findIndex((a) => a.id === cursor) + 1 : 0;
            const items = matching.slice(start, start + (limit ?? 50));
            const more = start + items.length < matching.length;
            return { items, nextCursor: more ? items[items.length - 1]!.id : null };
          },
          cursor ? options.moreError : options.listError,
        ),
      addCustomerNote: ({ requestId, customerId, text }) =>
        answer(() => {
          let note = byRequest.get(requestId);
          if (!note) {
            const at = new Date().toISOString();
            note = { id: `note-${requestId}`, customerId, kind: 'note', at, staffId: 'staff-1', text };
            byRequest.set(requestId, note);
            all.unshift(note);
          }
          return note;
        }, options.noteError),
    },
    options.capabilities,
  );
}

/** A phone-sized scrolling box, as the timeline sits in a WeCom sidebar tab. */
const FRAME_STYLE = [
  'height:640px',
  'max-width:375px',
  'overflow:auto',
  'border:1px solid var(--cl-color-border, #d5d9df)',
  'background:var(--cl-color-surface, #fff)',
].join(';');

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

const timeline = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, html`<div style=${FRAME_STYLE}>${element('cl-customer-timeline', args)}</div>`);

const onBackend = (options: BackendOptions, args: Args = {}): Story => ({
  args,
  render: timeline({ adapter: () => backend(options) }),
});

const DOCS = `
Everything that happened with one customer, newest first and grouped by day (今天, 昨天, dates): added as a
contact, profile edits, tags, coupons sent and used, moments that reached them, groups, purchases, transfers, and
the associates' follow-up notes. Pages load by keyset cursor as you scroll; thousands of entries stay smooth.

**Rules of the trade it enforces**
- Every change of a customer writes its activity in the same transaction: the timeline is never out of step.
- A note is at most 1,000 characters; saving is \`once\` with a request id kept with the draft, so a retry never
  writes twice. The draft survives a reload and is cleared only once the note is saved.
- Days are counted in the store's time zone (policy \`timeZone\`).

**Do** give it \`customer-id\`, or let the host bridge give the chat's customer. **Do** put it in a scrolling box
of a fixed height. **Don't** call \`listCustomerActivity\` yourself: the element pages; call \`refresh()\` after a
change the timeline cannot hear about (it hears the other elements' events by itself).
`;

const meta: Meta<Args> = {
  title: 'Elements/Customer timeline',
  component: 'cl-customer-timeline',
  args: { customerId: 'cust-1', filter: 'all', pageSize: 50 },
  argTypes: { filter: { control: 'select', options: TIMELINE_FILTER_NAMES } },
  render: timeline({ adapter: () => backend() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

export const FortyEntries: Story = {};

export const FiveThousandEntries: Story = onBackend({ count: 5_000, latency: 150 }, { pageSize: 200 });

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkEnglish: Story = { globals: { theme: 'dark', locale: 'en' } };

export const Loading: Story = onBackend({ hang: true });

/** A new contact: the timeline encourages the first note. */
export const Empty: Story = onBackend({ count: 0 });

export const OnlyNotes: Story = { args: { filter: 'notes' } };

/** A kind with nothing yet: the timeline offers to show everything. */
export const NothingOfThisKind: Story = onBackend({ count: 3 }, { filter: 'transferred' });

export const LoadError: Story = onBackend({ listError: new AdapterError('unavailable', 'offline') });

export const LoadErrorNoRetry: Story = onBackend({ listError: new AdapterError('forbidden', 'not yours') });

export const NextPageError: Story = onBackend(
  { count: 200, moreError: new AdapterError('unavailable', 'offline') },
  { pageSize: 20 },
);

/** A note that fails to save: it is taken back, the text stays, Save retries with the same request id. */
export const NoteFails: Story = {
  ...onBackend({ noteError: new AdapterError('unavailable', 'offline') }),
  play: async ({ canvasElement }) => {
    const input = await waitFor(
      () => inShadow<HTMLTextAreaElement>(canvasElement, 'cl-customer-timeline', 'textarea'),
      'the note',
    );
    input.value = '客户想要 M 码的白色外套，周六到店。';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await clickInShadow(canvasElement, 'cl-customer-timeline', '[part~="note-save"]');
    await waitFor(
      () => inShadow(canvasElement, 'cl-customer-timeline', '[part~="note-error"]')?.textContent,
      'the error',
    );
  },
};

/** An entry tapped: its details, with the whole note. */
export const EntryDetails: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => inShadow(canvasElement, 'cl-customer-timeline', '[part~="entry"]'), 'the entries');
    await clickInShadow(canvasElement, 'cl-customer-timeline', '.entry[data-kind="note"] [part~="entry"]');
  },
};

export const ReadOnlyAdapter: Story = onBackend({ capabilities: { addCustomerNote: false } });

export const NoCustomer: Story = { args: { customerId: '' } };

/** The browser has no network: the timeline says so. */
export const BrowserOffline: Story = { beforeEach: browserOffline };

export const NoAdapter: Story = { render: timeline({}) };

/** In a WeCom single-chat sidebar: no `customer-id`, the customer comes from the chat (fake host bridge). */
export const SidebarSingleChat: Story = {
  args: { customerId: '' },
  render: timeline({
    adapter: () => backend(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' }),
  }),
};
