import type { ChatMessage, HostBridge, HostCapabilities } from '@clienteling/core';
import { HostBridgeError } from './errors.js';

/** The part of `navigator` the browser bridge uses (tests pass a fake). */
export interface BrowserNavigator {
  share?: (data: ShareData) => Promise<void>;
  canShare?: (data?: ShareData) => boolean;
  clipboard?: { writeText?: (text: string) => Promise<void> };
}

export interface BrowserBridgeOptions {
  /** Where `share` and `clipboard` come from. Default: the global `navigator`. */
  navigator?: BrowserNavigator;
  /** The customer the page is about (e.g. `contextFromUrl().customerId`): reported as the current customer. */
  customerId?: string;
  /** The customer group the page is about: reported as the current group. */
  groupId?: string;
  /** Opens a customer's profile in your app (e.g. navigates to it); without it, not capable. */
  openCustomerProfile?: (customerId: string) => void | Promise<void>;
}

/** The text a message is shared or copied as. */
function shareData(message: ChatMessage): ShareData | undefined {
  switch (message.type) {
    case 'text':
      return { text: message.text };
    case 'image':
      return { url: message.imageUrl };
    case 'link':
      return { title: message.title, url: message.url, ...(message.description ? { text: message.description } : {}) };
    default:
      // A mini-program card has no URL a browser could open.
      return undefined;
  }
}

const asText = (data: ShareData) => [data.title, data.text, data.url].filter(Boolean).join('\n');

/**
 * The bridge for a plain browser and for mini-program web-views, where WeCom's APIs do not exist:
 * entry `normal`; "send to chat" opens the system share sheet (Web Share API) where there is one,
 * else copies the text or link to the clipboard, else is not capable; no sharing to moments.
 * The current customer and group are the ones given in `options` (none by default).
 */
export function createBrowserBridge(options: BrowserBridgeOptions = {}): HostBridge {
  const nav: BrowserNavigator = options.navigator ?? (typeof navigator === 'undefined' ? {} : navigator);
  const share = nav.share?.bind(nav);
  const canShare = nav.canShare?.bind(nav);
  const writeText = nav.clipboard?.writeText?.bind(nav.clipboard);
  const { customerId, groupId, openCustomerProfile } = options;

  const capabilities: HostCapabilities = Object.freeze({
    currentCustomer: !!customerId,
    currentGroup: !!groupId,
    sendToChat: !!(share || writeText),
    shareToMoments: false,
    openCustomerProfile: !!openCustomerProfile,
  });

  const copy = async (data: ShareData) => {
    if (!writeText) throw new HostBridgeError('not-capable', 'No Web Share API or clipboard');
    try {
      await writeText(asText(data));
    } catch (error) {
      throw new HostBridgeError(
        (error as Error | null)?.name === 'NotAllowedError' ? 'no-permission' : 'failed',
        'Copy failed',
        error,
      );
    }
  };

  return {
    kind: 'browser',
    capabilities,
    getEntry: async () => 'normal',
    getCurrentCustomerId: async () => customerId,
    getCurrentGroupId: async () => groupId,

    async sendToChat(message) {
      const data = shareData(message);
      if (!data) throw new HostBridgeError('not-capable', 'No mini-program cards in a browser');
      if (share && (!canShare || canShare(data))) {
        try {
          return await share(data);
        } catch (error) {
          const name = (error as Error | null)?.name;
          if (name === 'AbortError') throw new HostBridgeError('cancelled', 'Share dismissed', error);
          // NotAllowedError (no user gesture left, or a permissions policy): copying still works.
          if (!writeText)
            throw new HostBridgeError(name === 'NotAllowedError' ? 'no-permission' : 'failed', 'Share failed', error);
        }
      }
      await copy(data);
    },

    async shareToMoments() {
      throw new HostBridgeError('not-capable', 'Moments need WeCom');
    },

    async openCustomerProfile(id) {
      if (!openCustomerProfile) throw new HostBridgeError('not-capable', 'No openCustomerProfile option');
      await openCustomerProfile(id);
    },
  };
}
