import { expect } from '@open-wc/testing';
import {
  contextFromUrl,
  detectHostBridge,
  isMiniProgramWebView,
  isMobile,
  isWecom,
  wecomVersion,
} from '../src/index.js';
import { fakeWecom } from '../src/testing.js';
import { UA } from './user-agents.js';

const sign = async () => ({ timestamp: 1700000000, nonceStr: 'n', signature: 's' });

describe('host detection', () => {
  it('tells WeCom on Android, iOS, Windows and macOS from WeChat and a plain browser', () => {
    expect(isWecom(UA.wecomAndroid)).to.equal(true);
    expect(isWecom(UA.wecomIos)).to.equal(true);
    expect(isWecom(UA.wecomWindows)).to.equal(true);
    expect(isWecom(UA.wecomMac)).to.equal(true);
    expect(isWecom(UA.wechatAndroid)).to.equal(false);
    expect(isWecom(UA.wechatMiniProgram)).to.equal(false);
    expect(isWecom(UA.chrome)).to.equal(false);
    expect(isWecom()).to.equal(false); // the test browser itself
  });

  it("reads WeCom's version and whether it runs on a phone", () => {
    expect(wecomVersion(UA.wecomAndroid)).to.deep.equal([4, 1, 10]);
    expect(wecomVersion(UA.wecomOldAndroid)).to.deep.equal([2, 8, 12]);
    expect(wecomVersion(UA.chrome)).to.equal(undefined);
    expect(isMobile(UA.wecomAndroid)).to.equal(true);
    expect(isMobile(UA.wecomIos)).to.equal(true);
    expect(isMobile(UA.wecomWindows)).to.equal(false);
    expect(isMobile(UA.wecomMac)).to.equal(false);
  });

  it('tells a mini-program web-view by its user agent or by window.__wxjs_environment', () => {
    expect(isMiniProgramWebView(UA.wechatMiniProgram, {})).to.equal(true);
    expect(isMiniProgramWebView(UA.wecomMiniProgram, {})).to.equal(true);
    // Older clients only set the environment flag.
    expect(isMiniProgramWebView(UA.wechatAndroid, { __wxjs_environment: 'miniprogram' })).to.equal(true);
    expect(isMiniProgramWebView(UA.wechatAndroid, {})).to.equal(false);
    expect(isMiniProgramWebView(UA.wecomAndroid, { __wxjs_environment: 'browser' })).to.equal(false);
    expect(isMiniProgramWebView(UA.chrome, undefined)).to.equal(false);
    expect(isMiniProgramWebView()).to.equal(false);
  });

  describe('detectHostBridge', () => {
    const wecomOptions = (loads: { count: number }) => ({
      corpId: 'ww7ca4776b2a70000',
      agentId: 1000002,
      getConfigSignature: sign,
      getAgentConfigSignature: sign,
      loadSdk: async () => {
        loads.count++;
        return fakeWecom();
      },
    });

    for (const ua of ['wecomAndroid', 'wecomIos', 'wecomWindows', 'wecomMac'] as const) {
      it(`picks the WeCom bridge in ${ua}, without loading the SDK yet`, () => {
        const loads = { count: 0 };
        const bridge = detectHostBridge({ userAgent: UA[ua], window: {}, wecom: wecomOptions(loads) });
        expect(bridge.kind).to.equal('wecom');
        expect(loads.count).to.equal(0);
      });
    }

    for (const ua of ['wechatAndroid', 'wechatMiniProgram', 'wecomMiniProgram', 'chrome'] as const) {
      it(`picks the browser bridge in ${ua}, with no WeCom-only capability`, async () => {
        const loads = { count: 0 };
        const bridge = detectHostBridge({
          userAgent: UA[ua],
          window: {},
          wecom: wecomOptions(loads),
          browser: { navigator: {} },
        });
        expect(bridge.kind).to.equal('browser');
        expect(bridge.capabilities).to.deep.equal({
          currentCustomer: false,
          currentGroup: false,
          sendToChat: false,
          shareToMoments: false,
          openCustomerProfile: false,
        });
        expect(await bridge.getEntry()).to.equal('normal');
        expect(await bridge.getCurrentCustomerId()).to.equal(undefined);
        expect(loads.count).to.equal(0);
      });
    }

    it('picks the browser bridge in a WeCom mini-program web-view told by the environment flag', () => {
      const bridge = detectHostBridge({
        userAgent: UA.wecomAndroid,
        window: { __wxjs_environment: 'miniprogram' },
        wecom: wecomOptions({ count: 0 }),
      });
      expect(bridge.kind).to.equal('browser');
    });

    it('picks the browser bridge inside WeCom when the page gave no WeCom options', () => {
      expect(detectHostBridge({ userAgent: UA.wecomAndroid, window: {} }).kind).to.equal('browser');
      expect(detectHostBridge().kind).to.equal('browser');
    });

    it("gives the WeCom bridge the page's user agent (no moments on the desktop client)", () => {
      const desktop = detectHostBridge({ userAgent: UA.wecomWindows, window: {}, wecom: wecomOptions({ count: 0 }) });
      const phone = detectHostBridge({ userAgent: UA.wecomIos, window: {}, wecom: wecomOptions({ count: 0 }) });
      expect(desktop.capabilities.shareToMoments).to.equal(false);
      expect(phone.capabilities.shareToMoments).to.equal(true);
    });

    it('passes the browser options on (the current customer from the URL)', async () => {
      const bridge = detectHostBridge({
        userAgent: UA.chrome,
        browser: contextFromUrl('https://shop.example/sidebar?customerId=c-1'),
      });
      expect(bridge.capabilities.currentCustomer).to.equal(true);
      expect(await bridge.getCurrentCustomerId()).to.equal('c-1');
    });
  });

  it('reads the current customer and group from a page URL', () => {
    expect(contextFromUrl('https://shop.example/p?customerId=c-1&groupId=g-2')).to.deep.equal({
      customerId: 'c-1',
      groupId: 'g-2',
    });
    expect(contextFromUrl(new URL('https://shop.example/p?customerId=%20&x=1'))).to.deep.equal({});
    expect(contextFromUrl()).to.deep.equal({});
  });
});
