import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '@clienteling/core/define.js';
import '@clienteling/core/host-share.js';
import { HostBridgeError } from '@clienteling/host-bridge';
import { stubHostBridge, type StubHostBridgeOptions } from '@clienteling/host-bridge/testing.js';
import { element } from './support/element.js';
import { wired } from './support/story-context.js';
import { clickInShadow, waitFor, inShadow } from './support/play.js';

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

const DOCS = `
The "Send to chat" / "Share through WeCom" button the elements show after a coupon is sent or beside a moments
post. It shows itself only where the host page can do it: WeCom's chat sidebar (\`sendChatMessage\`,
\`shareToExternalMoments\`) or a browser with the Web Share API; in a plain browser it renders nothing.

**Do** pass the host bridge to \`<cl-provider .bridge>\` (\`@clienteling/host-bridge\` detects the host).
**Don't** show your own send button next to it: the host decides what is possible.
`;

/** The button on a fake host bridge with these options. */
const onHost = (options: StubHostBridgeOptions) => (args: Args, context: StoryContext) =>
  wired(context, { bridge: () => stubHostBridge(options) }, element('cl-host-share', args));

const inSingleChat: StubHostBridgeOptions = { kind: 'wecom', entry: 'single-chat', customerId: 'cust-1' };

const meta: Meta<Args> = {
  title: 'Core/Host share',
  component: 'cl-host-share',
  args: { message: { type: 'text', text: '满300减50 · CL-2611-0001 · 11月30日前有效' } },
  render: onHost(inSingleChat),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

/** In a WeCom single chat: "Send to chat". */
export const SendToChat: Story = {};

export const Sent: Story = {
  play: async ({ canvasElement }) => {
    await clickInShadow(canvasElement, 'cl-host-share', '[part~="button"]');
    await waitFor(() => inShadow(canvasElement, 'cl-host-share', '[part~="status"]')?.textContent, 'the result');
  },
};

/** WeCom refused (no permission): the reason in words. */
export const SendFailed: Story = {
  render: onHost({
    ...inSingleChat,
    error: new HostBridgeError('no-permission', 'sendChatMessage:fail no permission'),
  }),
  play: Sent.play,
};

/** Where WeCom can share to customers' moments: "Share through WeCom". */
export const ShareToMoments: Story = {
  args: { message: undefined, moment: { text: '秋冬新品到店，欢迎试穿' } },
  render: onHost({ ...inSingleChat, capabilities: { shareToMoments: true } }),
};

/** In a plain browser without Web Share the button does not render at all. */
export const PlainBrowser: Story = { render: onHost({ kind: 'browser', entry: 'normal' }) };
