import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { AdapterError, applyTagDiff, type Capabilities, type Customer, type TagGroup } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/tag-editor/define.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { network } from './fake-network.js';
import { bigGroups, storeGroups } from './support/tag-groups.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';
import { clickInShadow, waitFor } from './support/play.js';

interface BackendOptions {
  groups?: TagGroup[];
  customer?: Partial<Customer>;
  capabilities?: Partial<Capabilities>;
  /** Loading never answers. */
  hang?: boolean;
  loadError?: AdapterError;
  /** Changes touching these tags are rejected with this error. */
  reject?: { tagIds: string[]; error: AdapterError };
  latency?: number;
}

/** An in-memory backend with the platform's rules (single-select groups replace, names are unique). */
function backend(options: BackendOptions = {}) {
  const groups = options.groups ?? storeGroups();
  const latency = options.latency ?? 400;
  let customer = fixtures.customer({
    tagIds: ['age-1', 'job-1', 'style-0', 'style-2'],
    ruleTagIds: ['rfm-0'],
    ...options.customer,
  });
  const answer = network({ latency, hang: options.hang });
  return stubAdapter(
    {
      listTagGroups: () => answer(() => groups, options.loadError),
      getCustomer: () => answer(() => customer),
      markTags: (input) => {
        const rejected =
          options.reject && [...input.add, ...input.remove].some((id) => options.reject!.tagIds.includes(id));
        return answer(
          () => {
            customer = { ...customer, tagIds: applyTagDiff(customer.tagIds, input, groups).tagIds };
            return customer;
          },
          rejected ? options.reject!.error : undefined,
        );
      },
      createTag: ({ groupId, name }) =>
        answer(() => {
          const created = fixtures.tag({ id: `new-${Date.now()}`, groupId, name });
          groups.find((g) => g.id === groupId)!.tags.push(created);
          return created;
        }),
    },
    options.capabilities,
  );
}

/** The editor with the story's args, on `wiring` (by default the store's backend). */
const editor = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, element('cl-tag-editor', args));

/** A story on a backend with these options. */
const onBackend = (options: BackendOptions, args: Args = {}): Story => ({
  args,
  render: editor({ adapter: () => backend(options) }),
});

type Args = Record<string, unknown>;

const DOCS = `
Where an associate notes who a customer is: age range, occupation, style, what they care about. The tags feed the
audience of a moments post and the filters of every list, so the associate sees them beside the chat.

**Rules of the trade it enforces**
- Tags live in tag groups; a single-select group (年龄段) replaces its tag, a multi-select group adds.
- Marking is a diff (add these, remove those), sent at once (\`mode="instant"\`) or with Save (\`mode="save"\`).
- Edits are optimistic and roll back visibly when the adapter refuses them, with the reason in words.
- Rule tags (assigned by the backend's rules) are shown apart and never edited.
- New tags only where the adapter and the group allow (\`allowCreate\`); names at most 30 characters.
- 3,000 tags (the platform quota) stay searchable and fast.

**Do** give it \`customer-id\`, or put it in a WeCom chat sidebar where the host bridge knows the customer.
**Do** listen to \`cl-tags-change\` to refresh other views. **Don't** mirror tags in the page's own state while an
edit is pending: the element rolls back on failure. **Don't** hide the rule tags: associates rely on them.
`;

const meta: Meta<Args> = {
  title: 'Elements/Tag editor',
  component: 'cl-tag-editor',
  args: { customerId: 'cust-1', mode: 'instant', readonly: false },
  render: editor({ adapter: () => backend() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;
type Story = StoryObj<Args>;

/** The tag chip `tagId` inside the editor's picker. */
const tagChip = (canvas: HTMLElement, tagId: string) =>
  canvas
    .querySelector('cl-tag-editor')
    ?.shadowRoot?.querySelector('cl-tag-picker')
    ?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-id="${tagId}"]`);

/** Clicks a tag once the editor has loaded. */
const clickTag = async (canvas: HTMLElement, tagId: string) =>
  (await waitFor(() => tagChip(canvas, tagId), `tag ${tagId}`)).click();

/** Waits for the failure message that a rollback shows. */
const rolledBack = (canvas: HTMLElement) =>
  waitFor(() => canvas.querySelector('cl-tag-editor')?.shadowRoot?.querySelector('[part~="message"]'), 'rollback');

/** Each change is sent at once; single-select groups (年龄段, 职业) replace their tag. */
export const Instant: Story = {};

/** Changes are collected and sent as one diff with Save. */
export const SaveMode: Story = { args: { mode: 'save' } };

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Loading: Story = onBackend({ hang: true });

/** Offline: the reason, and a retry. */
export const Offline: Story = onBackend({ loadError: new AdapterError('unavailable', 'offline') });

export const LoadErrorNotRetryable: Story = onBackend({ loadError: new AdapterError('forbidden', 'no') });

/** No tag groups are set up yet. */
export const Empty: Story = onBackend({ groups: [] });

/** "轻奢" is chosen and refused: the tag returns to its previous state, with the reason; other changes stay. */
export const Rollback: Story = {
  ...onBackend({ reject: { tagIds: ['style-2', 'style-4'], error: new AdapterError('unavailable', 'offline') } }),
  play: async ({ canvasElement }) => {
    await clickTag(canvasElement, 'style-4');
    await rolledBack(canvasElement);
  },
};

/** In save mode, an error that names one change (`add.0`) rolls back that change only. */
export const RollbackOnSave: Story = {
  ...onBackend(
    { reject: { tagIds: ['care-1'], error: new AdapterError('forbidden', 'no', { field: 'add.0' }) } },
    { mode: 'save' },
  ),
  play: async ({ canvasElement }) => {
    await clickTag(canvasElement, 'care-1');
    await clickTag(canvasElement, 'family-2');
    await clickInShadow(canvasElement, 'cl-tag-editor', '[part~="save-bar"] [data-variant="primary"]');
    await rolledBack(canvasElement);
  },
};

/** The "new tag" form of a group, opened. */
export const CreateTagForm: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-tag-editor', '[data-create="style"]');
    await waitFor(
      () => canvasElement.querySelector('cl-tag-editor')?.shadowRoot?.querySelector('input:not([part])'),
      'form',
    );
  },
};

export const Readonly: Story = { args: { readonly: true } };

/** The adapter cannot mark tags: the editor shows the customer's tags only. */
export const ReadOnlyAdapter: Story = onBackend({ capabilities: { markTags: false, createTag: false } });

export const NoTagCreation: Story = onBackend({ capabilities: { createTag: false } });

/** The platform's quota: 3,000 tags in 30 groups; search stays instant. */
export const ThreeThousandTags: Story = onBackend({
  groups: bigGroups(),
  customer: { tagIds: ['g0-t3', 'g1-t5', 'g2-t8'], ruleTagIds: [] },
  latency: 100,
});

export const NoCustomer: Story = { args: { customerId: '' } };

/** The browser has no network: the editor says so (the adapter of this story still answers). */
export const BrowserOffline: Story = { beforeEach: browserOffline };

export const NoAdapter: Story = { render: editor({}) };

/** In a WeCom single-chat sidebar: no `customer-id`, the customer comes from the chat (fake host bridge). */
export const SidebarSingleChat: Story = {
  args: { customerId: '' },
  render: editor({
    adapter: () => backend(),
    bridge: () => stubHostBridge({ kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' }),
  }),
};

/** In a plain browser the host knows no customer: the editor asks for one. */
export const PlainBrowser: Story = {
  args: { customerId: '' },
  render: editor({ adapter: () => backend(), bridge: () => stubHostBridge({ kind: 'browser', entry: 'normal' }) }),
};
