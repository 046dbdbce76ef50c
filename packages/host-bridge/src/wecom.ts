import type {
  ChatMessage,
  HostBridge,
  HostCapabilities,
  HostEntry,
  HostErrorCode,
  HostMomentShare,
} from '@clienteling/core';
import type * as Wecom from '@wecom/jssdk';
import { HostBridgeError, toHostBridgeError } from './errors.js';
import { isMobile, versionAtLeast, wecomVersion } from './user-agent.js';

/** The part of `@wecom/jssdk` the bridge uses (tests pass a fake of this shape). */
export type WecomSdk = Pick<
  typeof Wecom,
  | 'register'
  | 'getContext'
  | 'getCurExternalContact'
  | 'getCurExternalChat'
  | 'sendChatMessage'
  | 'shareToExternalMoments'
  | 'openUserProfile'
>;

/** Returns the timestamp, nonce and signature your server computed for `url` (the page URL without `#`). */
export type WecomSignatureFactory = Wecom.SignatureFactory;

export interface WecomBridgeOptions {
  /** The company's corp ID (企业 ID). */
  corpId: string;
  /** The self-built or third-party app's AgentID. */
  agentId: string | number;
  /** Signature for `wx.config` (company identity), computed by your server with the corp jsapi_ticket. */
  getConfigSignature: WecomSignatureFactory;
  /** Signature for `wx.agentConfig` (app identity, which every customer-contact API needs). */
  getAgentConfigSignature: WecomSignatureFactory;
  /** JS APIs to register. Default: the ones the bridge calls ({@link WECOM_JS_API_LIST}). */
  jsApiList?: string[];
  /** Loads the SDK. Default `() => import('@wecom/jssdk')`, a lazy chunk; tests inject a fake. */
  loadSdk?: () => Promise<WecomSdk>;
  /** The user agent that tells WeCom's version and platform. Default `navigator.userAgent`. */
  userAgent?: string;
  /**
   * Turns an image URL into a WeCom media ID (素材 ID, uploaded by your server): `sendChatMessage`
   * sends images only by media ID. Without it, image messages fail with `not-capable`.
   */
  getImageMediaId?: (imageUrl: string) => Promise<string>;
  /**
   * Your adapter's customer ID for a WeCom external user ID (`wm…`), and back; your adapter's group ID
   * for a WeCom customer group chat ID (`wr…`). Default: the same ID.
   */
  ids?: {
    customerFromExternalUserId?: (externalUserId: string) => string | Promise<string>;
    customerToExternalUserId?: (customerId: string) => string | Promise<string>;
    groupFromChatId?: (chatId: string) => string | Promise<string>;
  };
}

/** The JS APIs the bridge calls. */
export const WECOM_JS_API_LIST = [
  'getContext',
  'getCurExternalContact',
  'getCurExternalChat',
  'sendChatMessage',
  'shareToExternalMoments',
  'openUserProfile',
];

/** WeCom's `getContext().entry` -> our entry; anything else is `normal`. */
const ENTRIES: Record<string, HostEntry> = {
  single_chat_tools: 'single-chat',
  group_chat_tools: 'group-chat',
  contact_profile: 'customer-profile',
};

/** Entries from which `sendChatMessage` works (the chat toolbar and the chat attachment bar). */
const SEND_ENTRIES = ['single_chat_tools', 'group_chat_tools', 'chat_attachment'];

/** The oldest client of each API (the SDK's `@compat`); `shareToExternalMoments` exists on phones only. */
const MIN_VERSION = {
  getContext: [3, 0, 24],
  getCurExternalContact: [2, 5, 8],
  getCurExternalChat: [2, 8, 17],
  sendChatMessage: [2, 8, 10],
  shareToExternalMoments: [3, 1, 12],
  openUserProfile: [2, 4, 20],
} as const;

type Api = keyof typeof MIN_VERSION;

const fail = (code: HostErrorCode, message: string) => new HostBridgeError(code, message);

/** `pages/coupon/index?id=1` -> `pages/coupon/index.html?id=1`: WeCom wants the `.html` suffix. */
function miniProgramPage(pagePath: string): string {
  const queryStart = pagePath.indexOf('?');
  const path = queryStart < 0 ? pagePath : pagePath.slice(0, queryStart);
  const query = queryStart < 0 ? '' : pagePath.slice(queryStart);
  return (path.endsWith('.html') ? path : `${path}.html`) + query;
}

const isHttpUrl = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * The bridge for pages inside WeCom (the chat sidebar 聊天工具栏, a customer's profile page, the
 * workbench), on WeCom's official SDK `@wecom/jssdk`. The SDK is loaded (a lazy chunk) and
 * registered (`ww.register`, once) only when the bridge is first used.
 *
 * `capabilities` follow the entry once it is known (after `getEntry()` or any call resolves): before
 * that, the entry-dependent ones (current customer, current group, send to chat) are false.
 * Failures reject with a {@link HostBridgeError}.
 */
export function createWecomBridge(options: WecomBridgeOptions): HostBridge {
  const userAgent = options.userAgent ?? (typeof navigator === 'undefined' ? '' : navigator.userAgent);
  const version = wecomVersion(userAgent);
  const supports = (api: Api) =>
    versionAtLeast(version, MIN_VERSION[api]) && (api !== 'shareToExternalMoments' || isMobile(userAgent));
  const loadSdk = options.loadSdk ?? (() => import('@wecom/jssdk'));
  const ids = options.ids ?? {};

  let registered: Promise<WecomSdk> | undefined;
  let entryRequest: Promise<string> | undefined;
  let rawEntry: string | undefined;

  /** The registered SDK; a failed load is tried again on the next call. */
  const ready = (): Promise<WecomSdk> =>
    (registered ??= loadSdk().then(
      (sdk) => {
        sdk.register({
          corpId: options.corpId,
          agentId: options.agentId,
          jsApiList: options.jsApiList ?? WECOM_JS_API_LIST,
          getConfigSignature: options.getConfigSignature,
          getAgentConfigSignature: options.getAgentConfigSignature,
        });
        return sdk;
      },
      (error: unknown) => {
        registered = undefined;
        throw new HostBridgeError('failed', 'WeCom SDK did not load', error);
      },
    ));

  /** Calls `api` on the registered SDK; refuses early when the client is known to be too old. */
  const call = async <T>(api: Api, run: (sdk: WecomSdk) => Promise<T>): Promise<T> => {
    if (!supports(api))
      throw fail('unsupported-version', `${api} needs WeCom ${MIN_VERSION[api].join('.')}+ (moments: on a phone)`);
    try {
      return await run(await ready());
    } catch (error) {
      throw toHostBridgeError(error);
    }
  };

  const getRawEntry = (): Promise<string> =>
    (entryRequest ??= call('getContext', (sdk) => sdk.getContext()).then(
      (context) => (rawEntry = String(context.entry)),
      (error: unknown) => {
        entryRequest = undefined;
        throw error;
      },
    ));

  const bridge: HostBridge = {
    kind: 'wecom',

    get capabilities(): HostCapabilities {
      const wecomEntry = rawEntry;
      return {
        currentCustomer:
          (wecomEntry === 'single_chat_tools' || wecomEntry === 'contact_profile') && supports('getCurExternalContact'),
        currentGroup: wecomEntry === 'group_chat_tools' && supports('getCurExternalChat'),
        sendToChat: !!wecomEntry && SEND_ENTRIES.includes(wecomEntry) && supports('sendChatMessage'),
        shareToMoments: supports('shareToExternalMoments'),
        openCustomerProfile: supports('openUserProfile'),
      };
    },

    async getEntry() {
      return ENTRIES[await getRawEntry()] ?? 'normal';
    },

    async getCurrentCustomerId() {
      const wecomEntry = await getRawEntry();
      if (wecomEntry !== 'single_chat_tools' && wecomEntry !== 'contact_profile') return undefined;
      const { userId } = await call('getCurExternalContact', (sdk) => sdk.getCurExternalContact());
      return ids.customerFromExternalUserId ? await ids.customerFromExternalUserId(userId) : userId;
    },

    async getCurrentGroupId() {
      if ((await getRawEntry()) !== 'group_chat_tools') return undefined;
      const { chatId } = await call('getCurExternalChat', (sdk) => sdk.getCurExternalChat());
      return ids.groupFromChatId ? await ids.groupFromChatId(chatId) : chatId;
    },

    async sendToChat(message: ChatMessage) {
      const wecomEntry = await getRawEntry();
      if (!SEND_ENTRIES.includes(wecomEntry)) throw fail('no-context', `Not in a chat (entry ${wecomEntry})`);
      const params = await chatMessageParams(message, options.getImageMediaId);
      await call('sendChatMessage', (sdk) => sdk.sendChatMessage(params));
    },

    async shareToMoments(share: HostMomentShare) {
      const attachments = (share.attachments ?? []).map(momentAttachment);
      await call('shareToExternalMoments', (sdk) =>
        sdk.shareToExternalMoments({
          ...(share.text ? { text: { content: share.text } } : {}),
          ...(attachments.length ? { attachments } : {}),
        }),
      );
    },

    async openCustomerProfile(customerId: string) {
      const userid = ids.customerToExternalUserId ? await ids.customerToExternalUserId(customerId) : customerId;
      // type 2: an external contact (1 would be a colleague).
      await call('openUserProfile', (sdk) => sdk.openUserProfile({ type: 2, userid }));
    },
  };
  return bridge;
}

type SendParams = Parameters<WecomSdk['sendChatMessage']>[0];

/** A {@link ChatMessage} in `sendChatMessage`'s documented shape. */
async function chatMessageParams(
  message: ChatMessage,
  getImageMediaId: WecomBridgeOptions['getImageMediaId'],
): Promise<SendParams> {
  switch (message.type) {
    case 'text':
      return { msgtype: 'text', text: { content: message.text } };
    case 'image': {
      if (!getImageMediaId) throw fail('not-capable', 'Images need getImageMediaId');
      let mediaid: string;
      try {
        mediaid = await getImageMediaId(message.imageUrl);
      } catch (error) {
        throw new HostBridgeError('failed', 'Image upload failed', error);
      }
      return { msgtype: 'image', image: { mediaid } };
    }
    case 'link':
      return {
        msgtype: 'news',
        news: {
          link: message.url,
          title: message.title,
          desc: message.description ?? '',
          imgUrl: message.imageUrl ?? '',
        },
      };
    case 'miniprogram':
      if (!isHttpUrl(message.imageUrl)) throw fail('failed', 'Card cover must be http(s)');
      return {
        msgtype: 'miniprogram',
        miniprogram: {
          appid: message.appId,
          title: message.title,
          imgUrl: message.imageUrl,
          page: miniProgramPage(message.pagePath),
        },
      };
  }
}

type MomentAttachment = Wecom.ShareToExternalMomentsAttachment;

/** An attachment in `shareToExternalMoments`' documented shape (images and links; no mini-program cards). */
function momentAttachment(attachment: NonNullable<HostMomentShare['attachments']>[number]): MomentAttachment {
  switch (attachment.type) {
    case 'image':
      return { msgtype: 'image', image: { imgUrl: attachment.imageUrl } };
    case 'link':
      return {
        msgtype: 'link',
        link: {
          url: attachment.url,
          title: attachment.title,
          ...(attachment.description ? { desc: attachment.description } : {}),
          ...(attachment.imageUrl ? { imgUrl: attachment.imageUrl } : {}),
        },
      };
    default:
      throw fail('not-capable', 'Moments take images or a link');
  }
}
