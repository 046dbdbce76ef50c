import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  AdapterError,
  MemberFilterSchema,
  MemberSortSchema,
  type Capabilities,
  type Group,
  type GroupMember,
  type MemberFilter,
  type OperationInput,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/group-member-list/define.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { network, wait } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['丽', '伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超'];
const NICKS = ['Lily', '小鱼', 'Coco', '阿杰', 'Tony', '静静', 'Leo', '米娅', 'Zoe', '大熊'];
const AVATAR = (i: number) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="hsl(${(i * 47) % 360} 55% 62%)"/></svg>`,
  )}`;

/** A realistic Chinese name for the `i`th member: surname, given name, every fourth a two-character given name. */
const memberName = (i: number) =>
  `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 4 === 0 ? GIVEN[i % GIVEN.length] : ''}`;

/**
 * `count` realistic members: the owner first, a few admins, staff of the store, customers; every
 * third with a nickname.
 */
function members(count: number): GroupMember[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) =>
    fixtures.member({
      id: `m-${i}`,
      name: memberName(i),
      nickname: i % 3 === 0 ? `${NICKS[i % NICKS.length]}${i > 9 ? i : ''}` : undefined,
      type: i === 0 || i % 12 === 5 ? 'staff' : 'customer',
      companyName: i === 0 || i % 12 === 5 ? '百联' : undefined,
      role: i === 0 ? 'owner' : i === 5 || i === 17 ? 'admin' : 'member',
      avatarUrl: i % 5 === 1 ? AVATAR(i) : undefined,
      joinedAt: new Date(now - (i * 97 + 30) * 60_000).toISOString(),
      joinScene: (['qrcode', 'link', 'invited'] as const)[i % 3],
      inviterName: i % 3 === 2 ? '王丽' : undefined,
    }),
  );
}

/** Whether a member is shown under a filter (`admin`: the owner and admins). */
function matchesFilter(member: GroupMember, filter: MemberFilter | undefined): boolean {
  if (filter === 'staff') return member.type === 'staff';
  if (filter === 'customer') return member.type === 'customer';
  if (filter === 'admin') return member.role !== 'member';
  return true;
}

interface BackendOptions {
  count?: number;
  group?: Partial<Group>;
  capabilities?: Partial<Capabilities>;
  /** Loading never answers. */
  hang?: boolean;
  groupError?: AdapterError;
  listError?: AdapterError;
  /** Pages after the first fail. */
  moreError?: AdapterError;
  removeError?: AdapterError;
  latency?: number;
}

/** A small in-memory group backend: search, filters, sort, cursor pages, removal. */
function backend(options: BackendOptions = {}) {
  const all = members(options.count ?? 20);
  const latency = options.latency ?? 250;
  const group = fixtures.group({ memberCount: all.length, memberCap: 100, ...options.group });
  const answer = network({ latency, hang: options.hang });
  return stubAdapter(
    {
      getGroup: () =>
        answer(() => ({ ...group, memberCount: options.group?.memberCount ?? all.length }), options.groupError),
      listGroupMembers: ({ query, filter, sort, cursor, limit }: OperationInput<'listGroupMembers'>) =>
        answer(
          () => {
            const q = (query ?? '').toLowerCase();
            let list = all.filter(
              (m) =>
                (!q || m.name.toLowerCase().includes(q) || (m.nickname ?? '').toLowerCase().includes(q)) &&
                matchesFilter(m, filter),
            );
            if (sort === 'name')
              list = [...list].sort((a, b) => (a.nickname || a.name).localeCompare(b.nickname || b.name, 'zh-CN'));
            const start = cursor ? Number(cursor) : 0;
            const end = start + (limit ?? 100);
            return {
              items: list.slice(start, end),
              nextCursor: end < list.length ? String(end) : null,
              total: list.length,
            };
          },
          cursor ? options.moreError : options.listError,
        ),
      removeGroupMember: ({ memberId }) =>
        answer(() => {
          const index = all.findIndex((m) => m.id === memberId);
          if (index >= 0) all.splice(index, 1);
          return { removed: index >= 0 };
        }, options.removeError),
    },
    options.capabilities,
  );
}

/** A phone-sized scrolling box, as the list sits in a WeCom sidebar. */
const FRAME_STYLE = [
  'height:640px',
  'max-width:375px',
  'overflow:auto',
  'border:1px solid var(--cl-color-border, #d5d9df)',
  'background:var(--cl-color-surface, #fff)',
].join(';');

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

/** The list with the story's args in a phone-sized box, on `wiring`. */
const memberList = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, html`<div style=${FRAME_STYLE}>${element('cl-group-member-list', args)}</div>`);

/** A story on a group backend with these options. */
const onBackend = (options: BackendOptions, args: Args = {}): Story => ({
  args,
  render: memberList({ adapter: () => backend(options) }),
});

const DOCS = `
The members of one customer group, where an associate sees who joined, how, and who is staff: the owner and admins
first, staff marked apart from customers, each with a join time and how they joined (QR code, link, invited by).
Search, filters and sort run on the adapter; pages load as you scroll; thousands of rows stay smooth.

**Rules of the trade it enforces**
- A member is staff (internal) or a customer (external); a group has one owner and its admins.
- Each member has a join time and a join scene (invited, link, QR code) with the inviter.
- Member caps are policy: 100 in the original release, 500 today for customer groups, 2,000 for internal ones;
  a full group says so and cannot invite.
- Invite and remove only where the adapter can and the viewer is the owner or an admin; removal asks first.

**Do** give it \`group-id\`, or let the host bridge give the group chat's group. **Do** put it in a scrolling box
of a fixed height: the list virtualizes inside it. **Don't** load every member yourself: the element pages.
`;

const meta: Meta<Args> = {
  title: 'Elements/Group member list',
  component: 'cl-group-member-list',
  args: { groupId: 'group-1', query: '', filter: 'all', sort: 'joinedAt', selectable: false },
  argTypes: {
    filter: { control: 'inline-radio', options: MemberFilterSchema.options },
    sort: { control: 'inline-radio', options: MemberSortSchema.options },
  },
  render: memberList({ adapter: () => backend() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

/** Turns on manage mode (the remove buttons), once the list has loaded. */
const openManageMode = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await clickInShadow(canvasElement, 'cl-group-member-list', '[part~="manage-button"]');
  await waitFor(() => inShadow(canvasElement, 'cl-group-member-list', '[part~="remove-button"]'), 'remove buttons');
};

/** Opens the remove confirmation for the first removable member. */
const openRemove = async (context: { canvasElement: HTMLElement }) => {
  await openManageMode(context);
  await clickInShadow(context.canvasElement, 'cl-group-member-list', '[part~="remove-button"]');
  await waitFor(() => inShadow(context.canvasElement, 'cl-group-member-list', 'dialog[open]'), 'the confirmation');
};

export const TwentyMembers: Story = {};

export const FiveHundredMembers: Story = onBackend({ count: 500, group: { memberCap: 500 } });

export const TenThousandMembers: Story = onBackend({
  count: 10_000,
  latency: 120,
  group: { name: '百联集团内部通知群', kind: 'internal', memberCap: 20_000 },
});

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { ...onBackend({ count: 500, group: { memberCap: 500 } }), globals: { theme: 'dark' } };

export const Loading: Story = onBackend({ hang: true });

export const Empty: Story = onBackend({ count: 0 });

export const NoSearchMatch: Story = { args: { query: '找不到的人' } };

export const GroupFull: Story = onBackend({ count: 100, group: { memberCount: 100, memberCap: 100 } });

/** Offline: the reason, and a retry. */
export const Offline: Story = onBackend({ groupError: new AdapterError('unavailable', 'offline') });

export const LoadErrorNoRetry: Story = onBackend({ groupError: new AdapterError('forbidden', 'not a member') });

export const ListError: Story = onBackend({ listError: new AdapterError('unavailable', 'offline') });

export const NextPageError: Story = onBackend({
  count: 500,
  group: { memberCap: 500 },
  moreError: new AdapterError('unavailable', 'offline'),
});

export const MultiSelect: Story = onBackend({ count: 60 }, { selectable: true });

export const StaffOnly: Story = { args: { filter: 'staff' } };

export const SortedByName: Story = { args: { sort: 'name' } };

export const ViewerIsAMember: Story = onBackend({ group: { viewerRole: 'member' } });

export const ReadOnlyAdapter: Story = onBackend({
  capabilities: { inviteGroupMember: false, removeGroupMember: false },
});

/** Owners and admins remove members in manage mode ("管理"): each row gets its remove button. */
export const ManageMode: Story = { play: openManageMode };

export const RemoveConfirmation: Story = { play: openRemove };

export const RemoveFails: Story = {
  ...onBackend({ removeError: new AdapterError('forbidden', 'no') }),
  play: async (context) => {
    await openRemove(context);
    await clickInShadow(context.canvasElement, 'cl-group-member-list', 'dialog[open] [data-variant=danger]');
    await wait(400);
  },
};

export const NoGroup: Story = { args: { groupId: '' } };

/** The browser has no network: the list says so. */
export const BrowserOffline: Story = { beforeEach: browserOffline };

export const NoAdapter: Story = { render: memberList({}) };

/** In a WeCom group-chat sidebar: no `group-id`, the group comes from the chat (fake host bridge). */
export const SidebarGroupChat: Story = {
  args: { groupId: '' },
  render: memberList({
    adapter: () => backend(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'group-chat', groupId: 'group-1' }),
  }),
};

/** In a single chat there is no group: the list asks for one. */
export const SidebarSingleChat: Story = {
  args: { groupId: '' },
  render: memberList({
    adapter: () => backend(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' }),
  }),
};
