import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import {
  AdapterError,
  type Capabilities,
  type Group,
  type GroupMember,
  type MemberFilter,
  type OperationInput,
} from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/group-member-list/define.js';
import type { GroupMemberList } from '@clienteling/group-member-list';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { network, wait } from './fake-network.js';

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

const frame = (content: TemplateResult) => html`<div style=${FRAME_STYLE}>${content}</div>`;

const list = (options: BackendOptions = {}, attrs: { query?: string; selectable?: boolean; groupId?: string } = {}) =>
  html`<cl-provider .adapter=${backend(options)}>
    ${frame(
      html`<cl-group-member-list
        group-id=${attrs.groupId ?? 'group-1'}
        query=${attrs.query ?? ''}
        ?selectable=${attrs.selectable}
        @cl-group-invite=${(e: CustomEvent) => console.info('cl-group-invite', e.detail)}
        @cl-member-removed=${(e: CustomEvent) => console.info('cl-member-removed', e.detail)}
        @cl-members-select=${(e: CustomEvent) => console.info('cl-members-select', e.detail)}
      ></cl-group-member-list>`,
    )}
  </cl-provider>`;

const meta: Meta = {
  title: 'Elements/Group member list',
  component: 'cl-group-member-list',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The members of a customer group: search on the adapter, filters, sort, pages by cursor as you scroll, ' +
          'virtualized when long. Invite and remove where the adapter and the viewer’s role allow.',
      },
    },
  },
  render: () => list(),
};
export default meta;

type Story = StoryObj;

/** Waits until the element inside the story has rows (or a state message). */
async function ready(canvas: HTMLElement): Promise<GroupMemberList> {
  const el = canvas.querySelector('cl-group-member-list')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[role=listitem], .state'); i++) await wait(50);
  return el;
}

/** Opens the remove confirmation for the second member. */
const openRemove = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = await ready(canvasElement);
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=remove-button]')[0]?.click();
};

export const TwentyMembers: Story = {};

export const FiveHundredMembers: Story = { render: () => list({ count: 500, group: { memberCap: 500 } }) };

export const TenThousandMembers: Story = {
  render: () =>
    list({ count: 10_000, latency: 120, group: { name: '百联集团内部通知群', kind: 'internal', memberCap: 20_000 } }),
};

export const English: Story = { render: () => html`<cl-provider locale="en">${list()}</cl-provider>` };

export const Dark: Story = {
  render: () => html`<cl-provider theme="dark">${list({ count: 500, group: { memberCap: 500 } })}</cl-provider>`,
};

export const DarkEnglish: Story = { render: () => html`<cl-provider theme="dark" locale="en">${list()}</cl-provider>` };

export const Loading: Story = { render: () => list({ hang: true }) };

export const LoadingEnglish: Story = {
  render: () => html`<cl-provider locale="en">${list({ hang: true })}</cl-provider>`,
};

export const Empty: Story = { render: () => list({ count: 0 }) };

export const NoSearchMatch: Story = { render: () => list({}, { query: '找不到的人' }) };

export const NoSearchMatchEnglish: Story = {
  render: () => html`<cl-provider locale="en">${list({}, { query: 'nobody' })}</cl-provider>`,
};

export const GroupFull: Story = { render: () => list({ count: 100, group: { memberCount: 100, memberCap: 100 } }) };

export const GroupFullEnglish: Story = {
  render: () =>
    html`<cl-provider locale="en">${list({ count: 100, group: { memberCount: 100, memberCap: 100 } })}</cl-provider>`,
};

export const LoadError: Story = { render: () => list({ groupError: new AdapterError('unavailable', 'offline') }) };

export const LoadErrorNoRetry: Story = {
  render: () => list({ groupError: new AdapterError('forbidden', 'not a member') }),
};

export const ListError: Story = { render: () => list({ listError: new AdapterError('unavailable', 'offline') }) };

export const NextPageError: Story = {
  render: () => list({ count: 500, group: { memberCap: 500 }, moreError: new AdapterError('unavailable', 'offline') }),
};

export const MultiSelect: Story = { render: () => list({ count: 60 }, { selectable: true }) };

export const MultiSelectEnglish: Story = {
  render: () => html`<cl-provider locale="en">${list({ count: 60 }, { selectable: true })}</cl-provider>`,
};

export const ViewerIsAMember: Story = { render: () => list({ group: { viewerRole: 'member' } }) };

export const ReadOnlyAdapter: Story = {
  render: () => list({ capabilities: { inviteGroupMember: false, removeGroupMember: false } }),
};

export const RemoveConfirmation: Story = { play: openRemove };

export const RemoveConfirmationEnglish: Story = {
  render: () => html`<cl-provider locale="en">${list()}</cl-provider>`,
  play: openRemove,
};

export const RemoveFails: Story = {
  render: () => list({ removeError: new AdapterError('forbidden', 'no') }),
  play: async (context) => {
    await openRemove(context);
    const el = context.canvasElement.querySelector('cl-group-member-list')!;
    await wait(50);
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog [data-variant=danger]')?.click();
  },
};

export const NoGroup: Story = { render: () => list({}, { groupId: '' }) };

export const NoAdapter: Story = {
  render: () => frame(html`<cl-group-member-list group-id="group-1"></cl-group-member-list>`),
};
