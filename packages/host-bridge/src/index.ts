// Host page bridges: WeCom's chat sidebar (on @wecom/jssdk, loaded lazily, only inside WeCom) and the
// plain browser / mini-program web-view. No side effects.
export type {
  ChatMessage,
  HostBridge,
  HostCapabilities,
  HostEntry,
  HostErrorCode,
  HostMomentShare,
} from '@clienteling/core';
export { HostBridgeError, WECOM_ERROR_TABLE, isHostBridgeError, toHostBridgeError, wecomErrorCode } from './errors.js';
export { createBrowserBridge, type BrowserBridgeOptions, type BrowserNavigator } from './browser.js';
export {
  WECOM_JS_API_LIST,
  createWecomBridge,
  type WecomBridgeOptions,
  type WecomSdk,
  type WecomSignatureFactory,
} from './wecom.js';
export { detectHostBridge, type DetectHostBridgeOptions } from './detect.js';
export { contextFromUrl, isMiniProgramWebView, isMobile, isWecom, wecomVersion } from './user-agent.js';
