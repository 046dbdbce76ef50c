import type { HostBridge } from '@clienteling/core';
import { createBrowserBridge, type BrowserBridgeOptions } from './browser.js';
import { isMiniProgramWebView, isWecom } from './user-agent.js';
import { createWecomBridge, type WecomBridgeOptions } from './wecom.js';

export interface DetectHostBridgeOptions {
  /** How to talk to WeCom: without it, the browser bridge is used even inside WeCom. */
  wecom?: WecomBridgeOptions;
  /** Options of the browser bridge (current customer from the URL, a fake navigator…). */
  browser?: BrowserBridgeOptions;
  /** Default `navigator.userAgent`. */
  userAgent?: string;
  /** Where `__wxjs_environment` is read. Default `window`. */
  window?: { __wxjs_environment?: unknown };
}

/**
 * The right bridge for the page: `wecom` inside WeCom (when `options.wecom` is given), else
 * `browser`. A mini-program web-view gets the browser bridge: WeCom's chat APIs do not exist there.
 * Nothing is loaded here: the WeCom SDK loads when the bridge is first used.
 */
export function detectHostBridge(options: DetectHostBridgeOptions = {}): HostBridge {
  const userAgent = options.userAgent ?? (typeof navigator === 'undefined' ? '' : navigator.userAgent);
  if (options.wecom && isWecom(userAgent) && !isMiniProgramWebView(userAgent, options.window)) {
    return createWecomBridge({ userAgent, ...options.wecom });
  }
  return createBrowserBridge(options.browser);
}
