/**
 * The host page the elements run in: WeCom's chat sidebar, a mini-program web-view or a plain
 * browser. A {@link HostBridge} tells which customer or group the page is about and sends into the
 * chat where the host allows it. Types only here: implementations live in `@clienteling/host-bridge`.
 */

/** How the page was entered. */
export type HostEntry = 'single-chat' | 'group-chat' | 'customer-profile' | 'normal';

/** What the host can do; elements show an action only when its capability is true. */
export interface HostCapabilities {
  currentCustomer: boolean;
  currentGroup: boolean;
  sendToChat: boolean;
  shareToMoments: boolean;
  openCustomerProfile: boolean;
}

/** A message sent into the current chat. */
export type ChatMessage =
  | { type: 'text'; text: string }
  | { type: 'image'; imageUrl: string }
  | { type: 'link'; url: string; title: string; description?: string; imageUrl?: string }
  | { type: 'miniprogram'; appId: string; pagePath: string; title: string; imageUrl?: string };

/** A post shared to customers' moments through the host. */
export interface HostMomentShare {
  text?: string;
  attachments?: Array<Exclude<ChatMessage, { type: 'text' }>>;
}

/** Why a host call failed: elements word each one for the associate. */
export type HostErrorCode =
  'no-permission' | 'no-context' | 'unsupported-version' | 'not-capable' | 'cancelled' | 'failed';

export interface HostBridge {
  /** `browser`, `wecom`, or a page's own implementation. */
  readonly kind: string;
  readonly capabilities: HostCapabilities;
  getEntry(): Promise<HostEntry>;
  /** The customer of the current single chat or profile page, when there is one. */
  getCurrentCustomerId(): Promise<string | undefined>;
  /** The customer group of the current group chat, when there is one. */
  getCurrentGroupId(): Promise<string | undefined>;
  sendToChat(message: ChatMessage): Promise<void>;
  shareToMoments(share: HostMomentShare): Promise<void>;
  openCustomerProfile(customerId: string): Promise<void>;
}
