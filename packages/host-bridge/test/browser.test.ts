import { expect } from '@open-wc/testing';
import type { ChatMessage } from '@clienteling/core';
import { HostBridgeError, createBrowserBridge, type BrowserNavigator } from '../src/index.js';
import { rejection } from './user-agents.js';

/** A fake navigator: records what was shared and copied; `share` and `clipboard` only when asked for. */
function fakeNavigator(options: { share?: boolean | Error; canShare?: boolean; clipboard?: boolean | Error } = {}) {
  const shared: ShareData[] = [];
  const copied: string[] = [];
  const nav: BrowserNavigator = {};
  if (options.share) {
    nav.share = async (data) => {
      if (options.share instanceof Error) throw options.share;
      shared.push(data);
    };
  }
  if (options.canShare !== undefined) nav.canShare = () => options.canShare!;
  if (options.clipboard) {
    nav.clipboard = {
      writeText: async (text) => {
        if (options.clipboard instanceof Error) throw options.clipboard;
        copied.push(text);
      },
    };
  }
  return { nav, shared, copied };
}

const domError = (name: string) => new DOMException('test', name);

const text: ChatMessage = { type: 'text', text: '您好，这是您的券' };
const link: ChatMessage = {
  type: 'link',
  url: 'https://shop.example/c/1',
  title: '满200减30',
  description: '本周有效',
};

describe('createBrowserBridge', () => {
  it('is a plain page: entry normal, no customer, group, moments or profile', async () => {
    const bridge = createBrowserBridge({ navigator: {} });
    expect(bridge.kind).to.equal('browser');
    expect(await bridge.getEntry()).to.equal('normal');
    expect(await bridge.getCurrentCustomerId()).to.equal(undefined);
    expect(await bridge.getCurrentGroupId()).to.equal(undefined);
    expect(bridge.capabilities).to.deep.equal({
      currentCustomer: false,
      currentGroup: false,
      sendToChat: false,
      shareToMoments: false,
      openCustomerProfile: false,
    });
    const moments = await rejection(bridge.shareToMoments({ text: 'x' }));
    expect(moments).to.be.instanceOf(HostBridgeError);
    expect(moments.code).to.equal('not-capable');
    expect((await rejection(bridge.openCustomerProfile('c-1'))).code).to.equal('not-capable');
    expect((await rejection(bridge.sendToChat(text))).code).to.equal('not-capable');
  });

  it('reports the customer and group the page gives', async () => {
    const bridge = createBrowserBridge({ navigator: {}, customerId: 'c-1', groupId: 'g-1' });
    expect(bridge.capabilities.currentCustomer).to.equal(true);
    expect(bridge.capabilities.currentGroup).to.equal(true);
    expect(await bridge.getCurrentCustomerId()).to.equal('c-1');
    expect(await bridge.getCurrentGroupId()).to.equal('g-1');
  });

  it("opens a customer's profile through the page's callback", async () => {
    const opened: string[] = [];
    const bridge = createBrowserBridge({ navigator: {}, openCustomerProfile: (id) => void opened.push(id) });
    expect(bridge.capabilities.openCustomerProfile).to.equal(true);
    await bridge.openCustomerProfile('c-9');
    expect(opened).to.deep.equal(['c-9']);
  });

  it('uses the global navigator by default', () => {
    const bridge = createBrowserBridge();
    expect(bridge.capabilities.sendToChat).to.equal(!!(navigator.share || navigator.clipboard?.writeText));
  });

  describe('with the Web Share API', () => {
    it('shares text, links and images through the share sheet', async () => {
      const { nav, shared, copied } = fakeNavigator({ share: true, clipboard: true });
      const bridge = createBrowserBridge({ navigator: nav });
      expect(bridge.capabilities.sendToChat).to.equal(true);
      await bridge.sendToChat(text);
      await bridge.sendToChat(link);
      await bridge.sendToChat({ type: 'link', url: 'https://shop.example/2', title: '新品' });
      await bridge.sendToChat({ type: 'image', imageUrl: 'https://shop.example/look.jpg' });
      expect(shared).to.deep.equal([
        { text: '您好，这是您的券' },
        { title: '满200减30', url: 'https://shop.example/c/1', text: '本周有效' },
        { title: '新品', url: 'https://shop.example/2' },
        { url: 'https://shop.example/look.jpg' },
      ]);
      expect(copied).to.deep.equal([]);
    });

    it('reports a dismissed share sheet as cancelled and copies nothing', async () => {
      const { nav, copied } = fakeNavigator({ share: domError('AbortError'), clipboard: true });
      const error = await rejection(createBrowserBridge({ navigator: nav }).sendToChat(text));
      expect(error.code).to.equal('cancelled');
      expect(copied).to.deep.equal([]);
    });

    it('copies instead when sharing is not allowed or fails', async () => {
      for (const failure of [domError('NotAllowedError'), new TypeError('share failed')]) {
        const { nav, copied } = fakeNavigator({ share: failure, clipboard: true });
        await createBrowserBridge({ navigator: nav }).sendToChat(link);
        expect(copied).to.deep.equal(['满200减30\n本周有效\nhttps://shop.example/c/1']);
      }
    });

    it('maps share failures when there is no clipboard to fall back on', async () => {
      const denied = fakeNavigator({ share: domError('NotAllowedError') });
      expect((await rejection(createBrowserBridge({ navigator: denied.nav }).sendToChat(text))).code).to.equal(
        'no-permission',
      );
      const broken = fakeNavigator({ share: new TypeError('x') });
      expect((await rejection(createBrowserBridge({ navigator: broken.nav }).sendToChat(text))).code).to.equal(
        'failed',
      );
    });

    it('copies what canShare refuses', async () => {
      const { nav, shared, copied } = fakeNavigator({ share: true, canShare: false, clipboard: true });
      await createBrowserBridge({ navigator: nav }).sendToChat(text);
      expect(shared).to.deep.equal([]);
      expect(copied).to.deep.equal(['您好，这是您的券']);
    });

    it('cannot send a mini-program card', async () => {
      const { nav, shared } = fakeNavigator({ share: true, clipboard: true });
      const error = await rejection(
        createBrowserBridge({ navigator: nav }).sendToChat({
          type: 'miniprogram',
          appId: 'wx1',
          pagePath: 'pages/a',
          title: 't',
          imageUrl: 'https://x/y.png',
        }),
      );
      expect(error.code).to.equal('not-capable');
      expect(shared).to.deep.equal([]);
    });
  });

  describe('with the clipboard only', () => {
    it('copies the text or the link', async () => {
      const { nav, copied } = fakeNavigator({ clipboard: true });
      const bridge = createBrowserBridge({ navigator: nav });
      expect(bridge.capabilities.sendToChat).to.equal(true);
      expect(bridge.capabilities.shareToMoments).to.equal(false);
      await bridge.sendToChat(text);
      await bridge.sendToChat({ type: 'link', url: 'https://shop.example/2', title: '新品' });
      expect(copied).to.deep.equal(['您好，这是您的券', '新品\nhttps://shop.example/2']);
    });

    it('maps clipboard failures', async () => {
      const denied = fakeNavigator({ clipboard: domError('NotAllowedError') });
      const error = await rejection(createBrowserBridge({ navigator: denied.nav }).sendToChat(text));
      expect(error.code).to.equal('no-permission');
      expect((error.cause as DOMException).name).to.equal('NotAllowedError');
      const broken = fakeNavigator({ clipboard: new Error('x') });
      expect((await rejection(createBrowserBridge({ navigator: broken.nav }).sendToChat(text))).code).to.equal(
        'failed',
      );
    });
  });

  it('is not capable of sending with neither share nor a clipboard writeText', async () => {
    const bridge = createBrowserBridge({ navigator: { clipboard: {} } });
    expect(bridge.capabilities.sendToChat).to.equal(false);
    expect((await rejection(bridge.sendToChat(text))).code).to.equal('not-capable');
  });
});
