import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  AdapterError,
  DEFAULT_POLICY,
  type Broadcast,
  type BroadcastCap,
  type BroadcastCounts,
  type BroadcastPreview,
  type BroadcastRecipient,
  type BroadcastSkipReason,
  type Capabilities,
  type OperationInput,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/broadcast-composer/define.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { network } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { perStory, wired, type Wiring } from './support/story-context.js';
import { storeGroups } from './support/tag-groups.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

const SURNAMES = ['陈', '林', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = ['静', '敏', '婷', '雪', '丹', '琳', '欣', '悦', '佳', '颖'];
const TAG_IDS = storeGroups().flatMap((group) => group.tags.map((tag) => tag.id));

interface StoryCustomer {
  id: string;
  name: string;
  tagIds: string[];
  skip?: BroadcastSkipReason;
}

interface BackendOptions {
  /** Customers who can be reached. */
  reachable?: number;
  /** Customers who already received the cap's messages in its period. */
  capped?: number;
  unreachable?: number;
  unsubscribed?: number;
  cap?: BroadcastCap;
  latency?: number;
  hang?: boolean;
  loadError?: AdapterError;
  /** The first create is made but its answer is lost. */
  loseFirstAnswer?: boolean;
  /** Recipients sent per read once the associate confirmed. */
  sentPerRead?: number;
  /** Every `n`th recipient fails when sent. */
  failEvery?: number;
  capabilities?: Partial<Capabilities>;
}

const nameOf = (i: number) => `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 10]}${i % 3 ? '' : GIVEN[(i * 3) % 10]}`;

/** An associate's customers in memory, the cap, broadcasts made once and sent over a few reads. */
function backend(options: BackendOptions = {}) {
  const answer = network({ latency: options.latency ?? 250, hang: options.hang });
  const make = (count: number, offset: number, skip?: BroadcastSkipReason): StoryCustomer[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `c-${offset + i}`,
      name: nameOf(offset + i),
      tagIds: [TAG_IDS[(offset + i) % TAG_IDS.length]!, TAG_IDS[((offset + i) * 5) % TAG_IDS.length]!],
      skip,
    }));
  const reachable = options.reachable ?? 182;
  const capped = options.capped ?? 20;
  const unreachable = options.unreachable ?? 3;
  const customers = [
    ...make(reachable, 0),
    ...make(capped, reachable, 'limit-reached'),
    ...make(unreachable, reachable + capped, 'unreachable'),
    ...make(options.unsubscribed ?? 0, reachable + capped + unreachable, 'unsubscribed'),
  ];
  const cap = options.cap ?? { perCustomer: 1, period: 'day' };
  const broadcasts: Array<{ broadcast: Broadcast; recipients: BroadcastRecipient[] }> = [];
  let lose = options.loseFirstAnswer ?? false;
  const chosen = ({ audience }: OperationInput<'previewBroadcast'>): StoryCustomer[] => {
    if (audience.type === 'all') return customers;
    if (audience.type === 'tags') return customers.filter((c) => c.tagIds.some((id) => audience.tagIds.includes(id)));
    return audience.customerIds.map(
      (id) => customers.find((c) => c.id === id) ?? { id, name: '', tagIds: [], skip: 'not-own-customer' as const },
    );
  };
  const preview = (input: OperationInput<'previewBroadcast'>): BroadcastPreview => {
    const audience = chosen(input);
    const skipped = audience.filter((c) => c.skip);
    const skippedByReason = { 'limit-reached': 0, unreachable: 0, 'not-own-customer': 0, unsubscribed: 0 };
    for (const c of skipped) skippedByReason[c.skip!]++;
    return {
      recipientCount: audience.length - skipped.length,
      skippedCount: skipped.length,
      skippedByReason,
      skipped: skipped.slice(0, 200).map((c) => ({ customerId: c.id, name: c.name || undefined, reason: c.skip! })),
      cap,
      periodStart: new Date(Date.now() - 3_600_000).toISOString(),
      periodEnd: new Date(Date.now() + 3_600_000).toISOString(),
      maxRecipients: DEFAULT_POLICY.broadcastMaxRecipients!,
    };
  };
  const counts = (recipients: BroadcastRecipient[]): BroadcastCounts => {
    const result = { pending: 0, 'awaiting-confirmation': 0, sent: 0, failed: 0, skipped: 0 };
    for (const recipient of recipients) result[recipient.status]++;
    return result;
  };
  const find = (broadcastId: string) => {
    const entry = broadcasts.find((made) => made.broadcast.id === broadcastId);
    if (!entry) throw new AdapterError('not-found', 'no such broadcast');
    return entry;
  };
  /** Sends the next waiting recipients of a confirmed broadcast, as a platform does over time. */
  const settle = (broadcastId: string, perRead: number) => {
    const entry = find(broadcastId);
    if (entry.broadcast.state === 'sending') {
      const sentAt = new Date().toISOString();
      entry.recipients
        .filter((recipient) => recipient.status === 'awaiting-confirmation')
        .slice(0, perRead)
        .forEach((recipient, i) => {
          const failed = options.failEvery && i % options.failEvery === 0;
          Object.assign(
            recipient,
            failed ? { status: 'failed', failureReason: '客户已删除导购' } : { status: 'sent', sentAt },
          );
        });
      if (!entry.recipients.some((recipient) => recipient.status === 'awaiting-confirmation')) {
        entry.broadcast = { ...entry.broadcast, state: 'done', completedAt: sentAt };
      }
    }
    entry.broadcast = { ...entry.broadcast, counts: counts(entry.recipients) };
    return entry.broadcast;
  };
  return stubAdapter(
    {
      getCurrentStaff: () => answer(() => fixtures.staff(), options.loadError),
      getPolicy: () => answer(() => ({ ...DEFAULT_POLICY, broadcastCap: cap })),
      listTagGroups: () => answer(() => storeGroups()),
      uploadMedia: ({ file, onProgress }) =>
        answer(() => {
          onProgress?.(1);
          return {
            url: `https://cdn.example.com/${encodeURIComponent((file as File).name || 'file')}`,
            size: file.size,
          };
        }),
      previewBroadcast: (input) => answer(() => preview(input)),
      createBroadcast: (input) =>
        answer(() => {
          let made = broadcasts.find((entry) => entry.broadcast.requestId === input.requestId)?.broadcast;
          if (!made) {
            const recipients: BroadcastRecipient[] = chosen(input).map((c) =>
              c.skip
                ? { customerId: c.id, name: c.name || undefined, status: 'skipped', reason: c.skip }
                : { customerId: c.id, name: c.name, status: 'awaiting-confirmation' },
            );
            made = {
              id: `b-${broadcasts.length + 1}`,
              requestId: input.requestId,
              staffId: 'staff-1',
              content: input.content,
              audience: input.audience,
              state: 'awaiting-confirmation',
              counts: counts(recipients),
              createdAt: new Date().toISOString(),
            };
            broadcasts.push({ broadcast: made, recipients });
          }
          if (lose) {
            lose = false;
            throw new AdapterError('unavailable', 'connection reset');
          }
          return made;
        }),
      confirmBroadcast: ({ broadcastId }) =>
        answer(() => {
          const entry = find(broadcastId);
          entry.broadcast = { ...entry.broadcast, state: 'sending', confirmedAt: new Date().toISOString() };
          return settle(broadcastId, 0);
        }),
      getBroadcast: ({ broadcastId }) => answer(() => settle(broadcastId, options.sentPerRead ?? 40)),
      listBroadcastRecipients: ({ broadcastId, status, cursor, limit = 20 }) =>
        answer(() => {
          const all = find(broadcastId).recipients.filter((recipient) => !status || recipient.status === status);
          const start = cursor ? Number(cursor) : 0;
          return {
            items: all.slice(start, start + limit),
            nextCursor: start + limit < all.length ? String(start + limit) : null,
          };
        }),
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

const TAG = 'cl-broadcast-composer';

/** Each story opens on a draft of its own (`draft-key`): another story's, or an earlier visit's, never shows. */
const composer = (wiring: Wiring) => (args: Args, context: StoryContext) => {
  const draftKey = perStory(context, 'draft-key', () => `story:${context.id}:${Date.now()}`);
  return wired(context, wiring, html`<div style=${FRAME_STYLE}>${element(TAG, { draftKey, ...args })}</div>`);
};

const onBackend = (options: BackendOptions, args: Args = {}): Story => ({
  args,
  render: composer({ adapter: () => backend(options) }),
});

/** The composer of the story, once it has loaded its form. */
async function loaded(canvas: HTMLElement) {
  await waitFor(() => inShadow(canvas, TAG, 'textarea'), 'the form');
  return canvas.querySelector(TAG)!;
}

/** Types a message and waits until it can be sent. */
async function writeMessage(canvas: HTMLElement, message = '双十一会员日：全场满 300 减 50，今晚 8 点直播间见！') {
  await loaded(canvas);
  const area = inShadow<HTMLTextAreaElement>(canvas, TAG, 'textarea')!;
  area.value = message;
  area.dispatchEvent(new Event('input'));
  await waitFor(() => !inShadow<HTMLButtonElement>(canvas, TAG, '[part=send-button]')?.disabled, 'send enabled');
}

/** Writes a message and opens the confirmation. */
async function openConfirm(canvas: HTMLElement) {
  await writeMessage(canvas);
  await clickInShadow(canvas, TAG, '[part=send-button]');
  await waitFor(() => inShadow<HTMLDialogElement>(canvas, TAG, 'dialog')?.open, 'the dialog');
}

/** Sends, and waits for WeCom's confirmation step. */
async function send(canvas: HTMLElement) {
  await openConfirm(canvas);
  await clickInShadow(canvas, TAG, 'dialog [data-variant=primary]');
  await waitFor(() => inShadow(canvas, TAG, '.awaiting'), 'the confirmation in WeCom');
}

/** Sends and confirms in WeCom: the progress follows. */
async function sendAndConfirm(canvas: HTMLElement) {
  await send(canvas);
  await clickInShadow(canvas, TAG, '.awaiting [data-variant=primary]');
}

const DOCS = `
One message to many customers (群发): text and up to 9 attachments, for all of the associate's customers, those with
chosen tags (\`<cl-tag-picker>\`) or a list the page gives (\`customer-ids\`). Before anything is sent, a live preview
says whom it will reach and who is skipped and why: "将发送给 182 位客户；23 位跳过：20 位今天已收到消息，3 位无法联系",
with the skipped listed by name.

**Rules of the trade it enforces**
- The per-customer cap of company messages per day / week / month (policy, in the store's time zone): customers over
  it are shown as skipped before sending, and the period is worded as the cap says (today, this week, this month).
- Text at most 4,000 UTF-8 bytes (a byte counter); up to 9 attachments, kinds mixed (images, videos, link and
  mini-program cards), with the moments composer's file checks, uploads, thumbnails and card fields.
- Sent \`once\`: the draft's request id is kept across retries and reloads, so a lost answer never sends twice.
- The associate confirms the send in WeCom (the platform asks for it in the client); the composer then follows
  the broadcast until done, each recipient's result by status.
- The draft (text, attachments, audience, request id) is saved in IndexedDB and survives a reload.

**Do** call \`setContent({ text, attachments })\` for "use in broadcast" from \`<cl-script-library>\` (its
\`cl-script-use\` event), and listen to \`cl-broadcast-created\` / \`cl-broadcast-done\`. **Don't** call
\`createBroadcast\` yourself.
`;

const meta: Meta<Args> = {
  title: 'Elements/Broadcast composer',
  component: TAG,
  args: { refreshInterval: 1500, pageSize: 20, customerIds: [] },
  render: composer({ adapter: () => backend() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

/** The live preview of reach: 182 reached, 23 skipped (20 over today's cap, 3 not reachable). */
export const Compose: Story = {};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const DarkEnglish: Story = { globals: { theme: 'dark', locale: 'en' } };

export const Loading: Story = onBackend({ hang: true });

export const LoadError: Story = onBackend({ loadError: new AdapterError('unavailable', 'offline') });

/** Without the adapter's `broadcast` capability: a read-only notice, not a broken form. */
export const ReadOnly: Story = onBackend({ capabilities: { broadcast: false } });

/** An associate without customers yet. */
export const NoCustomers: Story = onBackend({ reachable: 0, capped: 0, unreachable: 0 });

/** The skipped customers listed with their reasons. */
export const SkippedList: Story = {
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    await clickInShadow(canvasElement, TAG, '[part=reach] .more');
  },
};

/** A weekly cap of two messages: "20 位本周已收到 2 条消息", and customers who refused company messages. */
export const WeeklyCap: Story = onBackend({ cap: { perCustomer: 2, period: 'week' }, unsubscribed: 4 });

/** Customers with chosen tags, through `<cl-tag-picker>`: the preview is asked again. */
export const ByTags: Story = {
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    const radios = canvasElement.querySelector(TAG)!.shadowRoot!.querySelectorAll<HTMLInputElement>('[type=radio]');
    radios[radios.length - 1]!.click();
    const picker = await waitFor(() => inShadow(canvasElement, TAG, 'cl-tag-picker'), 'the tag picker');
    const tag = await waitFor(() => picker.shadowRoot?.querySelector<HTMLButtonElement>('[data-id]'), 'a tag');
    tag.click();
  },
};

/** A list the page gives (`customer-ids`), with an id that is not the associate's customer. */
export const GivenCustomers: Story = { args: { customerIds: ['c-1', 'c-2', 'c-3', 'c-190', 'c-999'] } };

/** "Use in broadcast" from the script library: the page calls `setContent` with a script's text and card. */
export const FromScriptLibrary: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.setContent({
      text: '秋冬新品已到店，凭此消息到店可领取会员礼一份。',
      attachments: [
        { kind: 'link', link: { url: 'https://shop.example.com/autumn', title: '秋冬新品手册' } },
        { kind: 'miniprogram', miniprogram: { appId: 'wx5f3c2a1b', pagePath: 'pages/goods/list', title: '新品专区' } },
      ],
    });
  },
};

/** Text over 4,000 bytes: the counter and the reason the send is blocked. */
export const TextTooLong: Story = {
  play: async ({ canvasElement }) => {
    const el = await loaded(canvasElement);
    el.setContent({ text: '会员专享活动'.repeat(230) });
  },
};

/** The confirmation before anything is sent. */
export const Confirm: Story = { play: async ({ canvasElement }) => openConfirm(canvasElement) };

/** The answer is lost: "not sure it went through", and Retry sends the same request id (one broadcast). */
export const AnswerLost: Story = {
  ...onBackend({ loseFirstAnswer: true }),
  play: async ({ canvasElement }) => {
    await openConfirm(canvasElement);
    await clickInShadow(canvasElement, TAG, 'dialog [data-variant=primary]');
  },
};

/** Made: the associate confirms the send in WeCom. */
export const AwaitingConfirmation: Story = {
  ...onBackend({}, { refreshInterval: 0 }),
  play: async ({ canvasElement }) => send(canvasElement),
};

/** Confirmed: the progress and each recipient's result, read again until done (a few fail). */
export const Sending: Story = {
  ...onBackend({ sentPerRead: 15, failEvery: 9 }),
  play: async ({ canvasElement }) => sendAndConfirm(canvasElement),
};

/** Done: the results by status tab. */
export const Done: Story = {
  ...onBackend({ sentPerRead: 1000, failEvery: 30 }, { refreshInterval: 300 }),
  play: async ({ canvasElement }) => {
    await sendAndConfirm(canvasElement);
    await waitFor(() => inShadow(canvasElement, TAG, '.state[data-state=done]'), 'done');
    await clickInShadow(canvasElement, TAG, '#tab-failed');
  },
};

/** The browser has no network: the element says so and keeps the draft. */
export const BrowserOffline: Story = { beforeEach: browserOffline };

export const NoAdapter: Story = { render: composer({}) };
