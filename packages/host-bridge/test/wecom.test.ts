import { expect } from '@open-wc/testing';
import type { HostBridge } from '@clienteling/core';
import { HostBridgeError, WECOM_JS_API_LIST, createWecomBridge, type WecomBridgeOptions } from '../src/index.js';
import { fakeWecom, type FakeWecom, type FakeWecomOptions } from '../src/testing.js';
import { UA, rejection } from './user-agents.js';

const getConfigSignature = async () => ({ timestamp: 1700000000, nonceStr: 'corp-nonce', signature: 'corp-signature' });
const getAgentConfigSignature = async () => ({
  timestamp: 1700000000,
  nonceStr: 'agent-nonce',
  signature: 'agent-signature',
});

/** A WeCom bridge on a fake SDK (a phone running WeCom 4.1.10 unless told otherwise). */
function setup(fake: FakeWecomOptions = {}, options: Partial<WecomBridgeOptions> = {}) {
  const sdk = fakeWecom(fake);
  const loads = { count: 0 };
  const bridge = createWecomBridge({
    corpId: 'ww7ca4776b2a70000',
    agentId: 1000002,
    getConfigSignature,
    getAgentConfigSignature,
    userAgent: UA.wecomAndroid,
    loadSdk: async () => {
      loads.count++;
      return sdk;
    },
    ...options,
  });
  return { sdk, bridge, loads };
}

const apis = (sdk: FakeWecom) => sdk.calls.map(([api]) => api);

describe('createWecomBridge', () => {
  describe('loading and registering', () => {
    it('does not load the SDK until the bridge is used', async () => {
      const { bridge, loads, sdk } = setup();
      expect(bridge.kind).to.equal('wecom');
      void bridge.capabilities;
      expect(loads.count).to.equal(0);
      await bridge.getEntry();
      expect(loads.count).to.equal(1);
      expect(apis(sdk)).to.deep.equal(['register', 'getContext']);
    });

    it('registers once with the corp, the agent, the signature callbacks and the APIs it calls', async () => {
      const { bridge, loads, sdk } = setup({ entry: 'single_chat_tools' });
      await Promise.all([bridge.getEntry(), bridge.getCurrentCustomerId(), bridge.getCurrentGroupId()]);
      await bridge.sendToChat({ type: 'text', text: '你好' });
      await bridge.openCustomerProfile('wm1');
      expect(loads.count).to.equal(1);
      const registers = sdk.callsTo('register');
      expect(registers).to.have.length(1);
      expect(registers[0]).to.deep.equal({
        corpId: 'ww7ca4776b2a70000',
        agentId: 1000002,
        jsApiList: WECOM_JS_API_LIST,
        getConfigSignature,
        getAgentConfigSignature,
      });
      expect(WECOM_JS_API_LIST).to.include.members([
        'getContext',
        'getCurExternalContact',
        'getCurExternalChat',
        'sendChatMessage',
        'shareToExternalMoments',
        'openUserProfile',
      ]);
      // getContext is asked once too.
      expect(sdk.callsTo('getContext')).to.have.length(1);
    });

    it('registers the JS API list the page gives', async () => {
      const { bridge, sdk } = setup({}, { jsApiList: ['getContext', 'sendChatMessage'] });
      await bridge.getEntry();
      expect((sdk.callsTo('register')[0] as { jsApiList: string[] }).jsApiList).to.deep.equal([
        'getContext',
        'sendChatMessage',
      ]);
    });

    it('uses the real SDK through a dynamic import when no loader is given', async () => {
      // Not inside WeCom the SDK never gets its JS bridge, so only check that nothing loads eagerly.
      const bridge = createWecomBridge({
        corpId: 'ww1',
        agentId: 1,
        getConfigSignature,
        getAgentConfigSignature,
        userAgent: UA.wecomAndroid,
      });
      expect(bridge.kind).to.equal('wecom');
      expect(bridge.capabilities.sendToChat).to.equal(false);
    });

    it('fails with `failed` when the SDK cannot load, and tries again on the next call', async () => {
      const sdk = fakeWecom({ entry: 'group_chat_tools' });
      let attempts = 0;
      const bridge = createWecomBridge({
        corpId: 'ww1',
        agentId: 1,
        getConfigSignature,
        getAgentConfigSignature,
        loadSdk: async () => {
          if (++attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
          return sdk;
        },
      });
      const error = await rejection(bridge.getEntry());
      expect(error).to.be.instanceOf(HostBridgeError);
      expect(error.code).to.equal('failed');
      expect(error.cause).to.be.instanceOf(TypeError);
      expect(await bridge.getEntry()).to.equal('group-chat');
      expect(sdk.callsTo('register')).to.have.length(1);
    });

    it('maps a failed agentConfig (every API waits for it) to a code', async () => {
      const { bridge } = setup({ fail: { getContext: { errMsg: 'agentConfig:fail no permission', errCode: -1 } } });
      expect((await rejection(bridge.getEntry())).code).to.equal('no-permission');
      const other = setup({ fail: { getContext: new Error('SDK Error: Missing getAgentConfigSignature') } });
      expect((await rejection(other.bridge.getEntry())).code).to.equal('failed');
    });
  });

  describe('entry and capabilities', () => {
    const table: Array<[string, string, Partial<Record<keyof HostBridge['capabilities'], boolean>>]> = [
      ['single_chat_tools', 'single-chat', { currentCustomer: true, currentGroup: false, sendToChat: true }],
      ['group_chat_tools', 'group-chat', { currentCustomer: false, currentGroup: true, sendToChat: true }],
      ['contact_profile', 'customer-profile', { currentCustomer: true, currentGroup: false, sendToChat: false }],
      ['chat_attachment', 'normal', { currentCustomer: false, currentGroup: false, sendToChat: true }],
      ['normal', 'normal', { currentCustomer: false, currentGroup: false, sendToChat: false }],
      ['single_kf_tools', 'normal', { currentCustomer: false, currentGroup: false, sendToChat: false }],
      ['chain_single_chat_tools', 'normal', { currentCustomer: false, currentGroup: false, sendToChat: false }],
    ];
    for (const [raw, entry, caps] of table) {
      it(`maps ${raw} to ${entry} with its capabilities`, async () => {
        const { bridge } = setup({ entry: raw });
        expect(await bridge.getEntry()).to.equal(entry);
        expect(bridge.capabilities).to.deep.equal({ ...caps, shareToMoments: true, openCustomerProfile: true });
      });
    }

    it('reports no entry-dependent capability before the entry is known', () => {
      const { bridge } = setup({ entry: 'single_chat_tools' });
      expect(bridge.capabilities).to.deep.equal({
        currentCustomer: false,
        currentGroup: false,
        sendToChat: false,
        shareToMoments: true,
        openCustomerProfile: true,
      });
    });

    it('offers moments on phones only (the desktop clients lack shareToExternalMoments)', async () => {
      for (const ua of [UA.wecomWindows, UA.wecomMac]) {
        const { bridge, sdk } = setup({}, { userAgent: ua });
        await bridge.getEntry();
        expect(bridge.capabilities.shareToMoments).to.equal(false);
        expect(bridge.capabilities.sendToChat).to.equal(true);
        const error = await rejection(bridge.shareToMoments({ text: 'x' }));
        expect(error.code).to.equal('unsupported-version');
        expect(sdk.callsTo('shareToExternalMoments')).to.have.length(0);
      }
      const ios = setup({}, { userAgent: UA.wecomIos });
      expect(ios.bridge.capabilities.shareToMoments).to.equal(true);
    });

    it('refuses what a too old client lacks, without calling it', async () => {
      // WeCom 2.8.12 has sendChatMessage but not getContext (3.0.24) nor moments (3.1.12).
      const { bridge, sdk, loads } = setup({}, { userAgent: UA.wecomOldAndroid });
      expect(bridge.capabilities.shareToMoments).to.equal(false);
      expect(bridge.capabilities.openCustomerProfile).to.equal(true);
      const error = await rejection(bridge.getEntry());
      expect(error.code).to.equal('unsupported-version');
      expect(error.message).to.contain('3.0.24');
      expect((await rejection(bridge.getCurrentCustomerId())).code).to.equal('unsupported-version');
      expect((await rejection(bridge.shareToMoments({ text: 'x' }))).code).to.equal('unsupported-version');
      expect(loads.count).to.equal(0);
      await bridge.openCustomerProfile('wm1');
      expect(apis(sdk)).to.deep.equal(['register', 'openUserProfile']);
    });

    it('fails getEntry with the mapped code and asks again next time', async () => {
      const { bridge, sdk } = setup({ fail: { getContext: 'fail function not exist' } });
      const error = await rejection(bridge.getEntry());
      expect(error.code).to.equal('unsupported-version');
      expect(error.message).to.equal('getContext:fail function not exist (errCode -1)');
      expect(bridge.capabilities.sendToChat).to.equal(false);
      delete sdk.options.fail;
      expect(await bridge.getEntry()).to.equal('single-chat');
      expect(sdk.callsTo('getContext')).to.have.length(2);
    });
  });

  describe('current customer and group', () => {
    it("gives the single chat's external contact", async () => {
      const { bridge, sdk } = setup({ entry: 'single_chat_tools', userId: 'wm-alice' });
      expect(await bridge.getCurrentCustomerId()).to.equal('wm-alice');
      expect(await bridge.getCurrentGroupId()).to.equal(undefined);
      expect(sdk.callsTo('getCurExternalChat')).to.have.length(0);
    });

    it("gives the profile page's external contact", async () => {
      const { bridge } = setup({ entry: 'contact_profile', userId: 'wm-bob' });
      expect(await bridge.getCurrentCustomerId()).to.equal('wm-bob');
    });

    it("gives the group chat's chat ID and no customer", async () => {
      const { bridge, sdk } = setup({ entry: 'group_chat_tools', chatId: 'wr-store-vip' });
      expect(await bridge.getCurrentGroupId()).to.equal('wr-store-vip');
      expect(await bridge.getCurrentCustomerId()).to.equal(undefined);
      expect(sdk.callsTo('getCurExternalContact')).to.have.length(0);
    });

    it('gives neither outside a chat, without asking WeCom', async () => {
      const { bridge, sdk } = setup({ entry: 'normal' });
      expect(await bridge.getCurrentCustomerId()).to.equal(undefined);
      expect(await bridge.getCurrentGroupId()).to.equal(undefined);
      expect(apis(sdk)).to.deep.equal(['register', 'getContext']);
    });

    it("maps WeCom's IDs to the adapter's when the page says how", async () => {
      const ids = {
        customerFromExternalUserId: async (id: string) => `customer-of-${id}`,
        customerToExternalUserId: (id: string) => id.replace('customer-of-', ''),
        groupFromChatId: (id: string) => `group-of-${id}`,
      };
      const single = setup({ entry: 'single_chat_tools', userId: 'wm-1' }, { ids });
      expect(await single.bridge.getCurrentCustomerId()).to.equal('customer-of-wm-1');
      await single.bridge.openCustomerProfile('customer-of-wm-1');
      expect(single.sdk.callsTo('openUserProfile')[0]).to.deep.equal({ type: 2, userid: 'wm-1' });
      const group = setup({ entry: 'group_chat_tools', chatId: 'wr-1' }, { ids });
      expect(await group.bridge.getCurrentGroupId()).to.equal('group-of-wr-1');
    });

    const failures: Array<[string, string]> = [
      ['fail no permission', 'no-permission'],
      ['fail without context of external contact', 'no-context'],
      ['fail not support', 'unsupported-version'],
      ['fail', 'failed'],
    ];
    for (const [keyword, code] of failures) {
      it(`maps getCurExternalContact "${keyword}" to ${code}`, async () => {
        const { bridge } = setup({ entry: 'single_chat_tools', fail: { getCurExternalContact: keyword } });
        const error = await rejection(bridge.getCurrentCustomerId());
        expect(error).to.be.instanceOf(HostBridgeError);
        expect(error.code).to.equal(code);
        expect(error.message).to.contain(`getCurExternalContact:${keyword}`);
      });
      it(`maps getCurExternalChat "${keyword}" to ${code}`, async () => {
        const { bridge } = setup({ entry: 'group_chat_tools', fail: { getCurExternalChat: keyword } });
        expect((await rejection(bridge.getCurrentGroupId())).code).to.equal(code);
      });
    }
  });

  describe('sendToChat', () => {
    it('sends text', async () => {
      const { bridge, sdk } = setup({ entry: 'single_chat_tools' });
      await bridge.sendToChat({ type: 'text', text: '您好，送您一张券' });
      expect(sdk.callsTo('sendChatMessage')).to.deep.equal([
        { msgtype: 'text', text: { content: '您好，送您一张券' } },
      ]);
    });

    it('sends a link as a news card', async () => {
      const { bridge, sdk } = setup({ entry: 'group_chat_tools' });
      await bridge.sendToChat({
        type: 'link',
        url: 'https://shop.example/c/1',
        title: '满200减30',
        description: '本周有效',
        imageUrl: 'https://shop.example/c.png',
      });
      await bridge.sendToChat({ type: 'link', url: 'https://shop.example/c/2', title: '新品' });
      expect(sdk.callsTo('sendChatMessage')).to.deep.equal([
        {
          msgtype: 'news',
          news: {
            link: 'https://shop.example/c/1',
            title: '满200减30',
            desc: '本周有效',
            imgUrl: 'https://shop.example/c.png',
          },
        },
        { msgtype: 'news', news: { link: 'https://shop.example/c/2', title: '新品', desc: '', imgUrl: '' } },
      ]);
    });

    it('sends a mini-program card, adding the .html suffix WeCom wants', async () => {
      const { bridge, sdk } = setup({ entry: 'single_chat_tools' });
      const card = {
        type: 'miniprogram' as const,
        appId: 'wx0123456789abcdef',
        title: '领券',
        imageUrl: 'https://shop.example/cover.png',
      };
      await bridge.sendToChat({ ...card, pagePath: 'pages/coupon/index?stock=s-1' });
      await bridge.sendToChat({ ...card, pagePath: 'pages/home/index.html' });
      expect(sdk.callsTo('sendChatMessage')).to.deep.equal([
        {
          msgtype: 'miniprogram',
          miniprogram: {
            appid: 'wx0123456789abcdef',
            title: '领券',
            imgUrl: 'https://shop.example/cover.png',
            page: 'pages/coupon/index.html?stock=s-1',
          },
        },
        {
          msgtype: 'miniprogram',
          miniprogram: {
            appid: 'wx0123456789abcdef',
            title: '领券',
            imgUrl: 'https://shop.example/cover.png',
            page: 'pages/home/index.html',
          },
        },
      ]);
    });

    it('refuses a mini-program card without an http(s) cover, without calling WeCom', async () => {
      const { bridge, sdk } = setup({ entry: 'single_chat_tools' });
      const error = await rejection(
        bridge.sendToChat({
          type: 'miniprogram',
          appId: 'wx1',
          title: 't',
          pagePath: 'p',
          imageUrl: 'data:image/png;base64,AA',
        }),
      );
      expect(error.code).to.equal('failed');
      expect(sdk.callsTo('sendChatMessage')).to.have.length(0);
    });

    it('sends an image by the media ID the page uploads it as', async () => {
      const uploaded: string[] = [];
      const { bridge, sdk } = setup(
        { entry: 'single_chat_tools' },
        {
          getImageMediaId: async (url) => {
            uploaded.push(url);
            return 'MEDIA_ID_1';
          },
        },
      );
      await bridge.sendToChat({ type: 'image', imageUrl: 'https://shop.example/look.jpg' });
      expect(uploaded).to.deep.equal(['https://shop.example/look.jpg']);
      expect(sdk.callsTo('sendChatMessage')).to.deep.equal([{ msgtype: 'image', image: { mediaid: 'MEDIA_ID_1' } }]);
    });

    it('cannot send an image without a way to get its media ID', async () => {
      const { bridge, sdk } = setup({ entry: 'single_chat_tools' });
      expect(
        (await rejection(bridge.sendToChat({ type: 'image', imageUrl: 'https://shop.example/a.jpg' }))).code,
      ).to.equal('not-capable');
      expect(sdk.callsTo('sendChatMessage')).to.have.length(0);
      const failing = setup(
        { entry: 'single_chat_tools' },
        { getImageMediaId: () => Promise.reject(new Error('upload 500')) },
      );
      const error = await rejection(
        failing.bridge.sendToChat({ type: 'image', imageUrl: 'https://shop.example/a.jpg' }),
      );
      expect(error.code).to.equal('failed');
      expect((error.cause as Error).message).to.equal('upload 500');
    });

    it('refuses outside a chat with no-context, without calling sendChatMessage', async () => {
      for (const entry of ['normal', 'contact_profile']) {
        const { bridge, sdk } = setup({ entry });
        expect((await rejection(bridge.sendToChat({ type: 'text', text: 'x' }))).code).to.equal('no-context');
        expect(sdk.callsTo('sendChatMessage')).to.have.length(0);
      }
    });

    const failures: Array<[string, string]> = [
      ['fail no permission', 'no-permission'],
      ['fail without context of external contact', 'no-context'],
      ['fail not support', 'unsupported-version'],
      ['cancel', 'cancelled'],
      ['fail invalid imgUrl', 'failed'],
    ];
    for (const [keyword, code] of failures) {
      it(`maps sendChatMessage "${keyword}" to ${code}`, async () => {
        const { bridge } = setup({ entry: 'single_chat_tools', fail: { sendChatMessage: keyword } });
        const error = await rejection(bridge.sendToChat({ type: 'text', text: 'x' }));
        expect(error).to.be.instanceOf(HostBridgeError);
        expect(error.code).to.equal(code);
        expect(error.cause).to.deep.equal({ errMsg: `sendChatMessage:${keyword}`, errCode: -1 });
      });
    }

    it('sends from clients since 3.0.24 (getContext) and refuses older ones', async () => {
      const { bridge } = setup(
        { entry: 'single_chat_tools' },
        { userAgent: UA.wecomAndroid.replace('wxwork/4.1.10', 'wxwork/3.0.24') },
      );
      expect(await bridge.getEntry()).to.equal('single-chat');
      expect(bridge.capabilities.sendToChat).to.equal(true);
      const old = setup(
        { entry: 'single_chat_tools' },
        { userAgent: UA.wecomAndroid.replace('wxwork/4.1.10', 'wxwork/2.8.9') },
      );
      expect((await rejection(old.bridge.sendToChat({ type: 'text', text: 'x' }))).code).to.equal(
        'unsupported-version',
      );
      expect(old.bridge.capabilities.sendToChat).to.equal(false);
      expect(old.loads.count).to.equal(0);
    });
  });

  describe('shareToMoments', () => {
    it('shares text with images or a link in the documented shape', async () => {
      const { bridge, sdk } = setup({ entry: 'normal' });
      await bridge.shareToMoments({
        text: '新品上市',
        attachments: [
          { type: 'image', imageUrl: 'https://shop.example/1.jpg' },
          { type: 'image', imageUrl: 'https://shop.example/2.jpg' },
        ],
      });
      await bridge.shareToMoments({
        attachments: [
          {
            type: 'link',
            url: 'https://shop.example/l',
            title: '秋装',
            description: '8 折',
            imageUrl: 'https://shop.example/l.png',
          },
        ],
      });
      await bridge.shareToMoments({ text: '只有文字' });
      await bridge.shareToMoments({
        attachments: [{ type: 'link', url: 'https://shop.example/m', title: '简单链接' }],
      });
      expect(sdk.callsTo('shareToExternalMoments')).to.deep.equal([
        {
          text: { content: '新品上市' },
          attachments: [
            { msgtype: 'image', image: { imgUrl: 'https://shop.example/1.jpg' } },
            { msgtype: 'image', image: { imgUrl: 'https://shop.example/2.jpg' } },
          ],
        },
        {
          attachments: [
            {
              msgtype: 'link',
              link: {
                url: 'https://shop.example/l',
                title: '秋装',
                desc: '8 折',
                imgUrl: 'https://shop.example/l.png',
              },
            },
          ],
        },
        { text: { content: '只有文字' } },
        { attachments: [{ msgtype: 'link', link: { url: 'https://shop.example/m', title: '简单链接' } }] },
      ]);
      // Sharing to moments needs no chat: the entry is not even asked.
      expect(sdk.callsTo('getContext')).to.have.length(0);
    });

    it('refuses a mini-program card, which WeCom moments do not take', async () => {
      const { bridge, sdk } = setup();
      const error = await rejection(
        bridge.shareToMoments({ attachments: [{ type: 'miniprogram', appId: 'wx1', pagePath: 'p', title: 't' }] }),
      );
      expect(error.code).to.equal('not-capable');
      expect(sdk.callsTo('shareToExternalMoments')).to.have.length(0);
    });

    for (const [keyword, code] of [
      ['fail no permission', 'no-permission'],
      ['cancel', 'cancelled'],
      ['fail not support', 'unsupported-version'],
    ] as const) {
      it(`maps shareToExternalMoments "${keyword}" to ${code}`, async () => {
        const { bridge } = setup({ fail: { shareToExternalMoments: keyword } });
        expect((await rejection(bridge.shareToMoments({ text: 'x' }))).code).to.equal(code);
      });
    }
  });

  describe('openCustomerProfile', () => {
    it("opens an external contact's profile (type 2)", async () => {
      const { bridge, sdk } = setup();
      await bridge.openCustomerProfile('wm-alice');
      expect(sdk.callsTo('openUserProfile')).to.deep.equal([{ type: 2, userid: 'wm-alice' }]);
    });

    it('maps its failures', async () => {
      const { bridge } = setup({ fail: { openUserProfile: 'fail no permission' } });
      expect((await rejection(bridge.openCustomerProfile('wm-alice'))).code).to.equal('no-permission');
    });
  });
});
