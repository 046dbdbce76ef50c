import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { AdapterError } from '@clienteling/core';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import '@clienteling/core/define.js';
import '@clienteling/script-library/define.js';
import {
  NOW,
  manyScripts,
  scriptBackend,
  type ScriptBackendOptions,
} from '../packages/script-library/test/script-backend.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired, type Wiring } from './support/story-context.js';
import { clickInShadow, inShadow, waitFor } from './support/play.js';

type Args = Record<string, unknown>;

/** A WeCom single chat with the customer 陈静 (remark 陈姐): "Send to chat" shows. */
const inChat = () => stubHostBridge({ kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' });

/** The library with the story's args, on a backend with these options (in a WeCom chat unless told). */
const onBackend = (options: ScriptBackendOptions = {}, args: Args = {}, wiring: Partial<Wiring> = {}): Story => ({
  args,
  render: (storyArgs: Args, context: StoryContext) =>
    wired(
      context,
      { adapter: () => scriptBackend(options), bridge: inChat, ...wiring },
      element('cl-script-library', storyArgs),
    ),
});

const inLibrary = (canvas: HTMLElement, selector: string) => inShadow(canvas, 'cl-script-library', selector);

const DOCS = `
The store's approved words and materials for the chat (话术库), shown as the customer will get them:
\`{customerName}\` (the remark first), \`{staffName}\` and \`{storeName}\` filled in for the chat's customer and the
signed-in associate. Send into the chat in one tap, copy, or use in a broadcast; the associate's own scripts are
written and edited here.

**Rules of the trade it shows**
- Variables are filled by core's \`fillScript\`, the same rule as the backend's; one without a value is marked and
  the script is then not sent as it is.
- "Send to chat" shows only where the host can send (WeCom's \`sendChatMessage\`); each send, copy and broadcast is
  recorded (\`recordScriptUse\`), and the most used come first.
- Own scripts (capability \`manageScripts\`): a title of at most 30 characters, words of at most 1,000; an unknown
  \`{name}\` is explained before saving; a new script is made once even when the network retries.

**Do** put it in the chat sidebar inside a \`<cl-provider>\` with the host bridge (no \`customer-id\` needed), and
open your broadcast composer on \`cl-script-use\` with \`detail.content\`. **Don't** fill \`{customerName}\` into a
broadcast yourself: a broadcast has many customers.
`;

const meta: Meta<Args> = {
  title: 'Elements/Script library',
  component: 'cl-script-library',
  args: { category: 'all', query: '', customerId: '', pageSize: 20, now: NOW.getTime() },
  argTypes: {
    category: { control: 'select', options: ['all', 'own', 'cat-greet', 'cat-new', 'cat-after'] },
    now: { control: 'date' },
  },
  render: onBackend().render,
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;
type Story = StoryObj<Args>;

/** In a WeCom chat with 陈姐: every kind of script (text, link, image, mini program), filled in, most used first. */
export const InChat: Story = {};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** The associate's own scripts (我的), with Edit and Delete. */
export const Mine: Story = { args: { category: 'own' } };

/** One category's tab. */
export const OneCategory: Story = { args: { category: 'cat-new' } };

/** A search: the title and the words. */
export const Search: Story = { args: { query: '新品' } };

/** A search without results. */
export const NoMatch: Story = { args: { query: '没有这条' } };

/**
 * A plain browser with no customer: `{customerName}` is marked as not filled in, and there is no "Send to chat"
 * (copy it and finish it by hand).
 */
export const NoCustomer: Story = onBackend(
  {},
  {},
  { bridge: () => stubHostBridge({ kind: 'browser', entry: 'normal' }) },
);

/** A given customer (`customer-id`), outside a chat: filled in, copied, not sent. */
export const GivenCustomer: Story = {
  ...onBackend({}, {}, { bridge: () => stubHostBridge({ kind: 'browser', entry: 'normal' }) }),
  args: { customerId: 'cust-2' },
};

export const Loading: Story = onBackend({ hang: true });

/** No scripts yet. */
export const Empty: Story = onBackend({ scripts: [] });

/** None of one's own yet: the encouraging message, and New script. */
export const EmptyMine: Story = { ...onBackend({ scripts: [] }), args: { category: 'own' } };

/** The service could not be reached: the reason and a retry. */
export const LoadError: Story = onBackend({ failing: { listScripts: new AdapterError('unavailable', 'offline') } });

/** The browser has no network: the library says so (the adapter of this story still answers). */
export const Offline: Story = { beforeEach: browserOffline };

/** Many scripts: 20 at a time, "Show more". */
export const ManyScripts: Story = onBackend({ scripts: manyScripts(45) });

/** An adapter without own scripts or broadcasts (capabilities off): no Mine, no New, Edit, Delete or broadcast. */
export const CompanyOnly: Story = onBackend({ capabilities: { manageScripts: false, broadcast: false } });

/** The form of a new script, with an unknown `{name}` explained before saving. */
export const NewScript: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-script-library', '[part~="add"]');
    const area = (await waitFor(() => inLibrary(canvasElement, '#script-text'), 'the form')) as HTMLTextAreaElement;
    area.value = '{name}您好，新款到店了';
    area.dispatchEvent(new Event('input'));
    await waitFor(() => inLibrary(canvasElement, '#text-problem'), 'the unknown variable explained');
  },
};

/** A delete waiting for its confirmation. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => inLibrary(canvasElement, '[data-script="own-1"] [part~="delete"]'), 'the own script');
    await clickInShadow(canvasElement, 'cl-script-library', '[data-script="own-1"] [part~="delete"]');
    await waitFor(() => inLibrary(canvasElement, '[part~="confirm"]'), 'the confirmation');
  },
};

/** A delete the adapter refuses: the script returns where it was and the reason is announced. */
export const Rollback: Story = {
  ...onBackend({ failing: { deleteScript: new AdapterError('unavailable', 'offline') } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => inLibrary(canvasElement, '[data-script="own-1"] [part~="delete"]'), 'the own script');
    await clickInShadow(canvasElement, 'cl-script-library', '[data-script="own-1"] [part~="delete"]');
    await clickInShadow(canvasElement, 'cl-script-library', '[part~="confirm"] [data-variant="danger"]');
    await waitFor(() => inLibrary(canvasElement, '.cl-feedback-message[data-tone="error"]'), 'the rollback');
  },
};
