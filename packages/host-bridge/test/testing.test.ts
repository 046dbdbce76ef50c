import { expect } from '@open-wc/testing';
import { HostBridgeError } from '../src/index.js';
import { fakeWecom, stubHostBridge } from '../src/testing.js';
import { rejection } from './user-agents.js';

describe('test doubles', () => {
  it("fakeWecom answers in the SDK's documented shapes", async () => {
    const sdk = fakeWecom({ entry: 'group_chat_tools', chatId: 'wr1' });
    expect(await sdk.getContext()).to.deep.equal({ errMsg: 'getContext:ok', errCode: 0, entry: 'group_chat_tools' });
    expect(await sdk.getCurExternalChat()).to.deep.equal({
      errMsg: 'getCurExternalChat:ok',
      errCode: 0,
      chatId: 'wr1',
    });
    sdk.options.fail = { sendChatMessage: 'fail no permission' };
    expect(await rejection(sdk.sendChatMessage({ msgtype: 'text', text: { content: 'x' } }))).to.deep.equal({
      errMsg: 'sendChatMessage:fail no permission',
      errCode: -1,
    });
    expect(sdk.calls.map(([api]) => api)).to.deep.equal(['getContext', 'getCurExternalChat', 'sendChatMessage']);
  });

  it('stubHostBridge reports what its entry and ids imply and records what is sent', async () => {
    const bridge = stubHostBridge({ entry: 'single-chat', customerId: 'c-1' });
    expect(bridge.capabilities).to.deep.equal({
      currentCustomer: true,
      currentGroup: false,
      sendToChat: true,
      shareToMoments: false,
      openCustomerProfile: false,
    });
    expect(await bridge.getEntry()).to.equal('single-chat');
    expect(await bridge.getCurrentCustomerId()).to.equal('c-1');
    expect(await bridge.getCurrentGroupId()).to.equal(undefined);
    await bridge.sendToChat({ type: 'text', text: 'hi' });
    await bridge.shareToMoments({ text: 'post' });
    await bridge.openCustomerProfile('c-1');
    expect(bridge.sent).to.deep.equal([{ type: 'text', text: 'hi' }]);
    expect(bridge.shared).to.deep.equal([{ text: 'post' }]);
    expect(bridge.opened).to.deep.equal(['c-1']);
  });

  it('stubHostBridge fails with the error it is given', async () => {
    const bridge = stubHostBridge({
      kind: 'wecom',
      capabilities: { shareToMoments: true },
      error: new HostBridgeError('no-permission', 'x'),
    });
    expect(bridge.kind).to.equal('wecom');
    expect(bridge.capabilities.shareToMoments).to.equal(true);
    expect(bridge.capabilities.sendToChat).to.equal(false);
    expect((await rejection(bridge.sendToChat({ type: 'text', text: 'hi' }))).code).to.equal('no-permission');
    expect(bridge.sent).to.deep.equal([]);
  });
});
