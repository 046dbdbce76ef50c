/**
 * Test doubles for pages and element tests (entry `@clienteling/host-bridge/testing.js`, never in the
 * main bundle):
 * - `fakeWecom()`: a fake `@wecom/jssdk` with the documented call and result shapes of the SDK's own
 *   typings (results `{ errMsg: 'api:ok', errCode: 0, ... }`; failures reject with
 *   `{ errMsg: 'api:fail no permission', errCode: -1 }`, cancellations with `'api:cancel'`). Pass it
 *   as `loadSdk: async () => fake` to `createWecomBridge`.
 * - `stubHostBridge()`: a `HostBridge` with the entry, ids and capabilities a test wants, recording
 *   what was sent.
 */
import type { ChatMessage, HostBridge, HostCapabilities, HostEntry, HostMomentShare } from '@clienteling/core';
import type { EntryType } from '@wecom/jssdk';
import type { HostBridgeError } from './errors.js';
import type { WecomSdk } from './wecom.js';

type Api = Exclude<keyof WecomSdk, 'register'>;

export interface FakeWecomOptions {
  /** `getContext().entry`: `single_chat_tools` (default), `group_chat_tools`, `contact_profile`, `normal`… */
  entry?: string;
  /** `getCurExternalContact().userId`. */
  userId?: string;
  /** `getCurExternalChat().chatId`. */
  chatId?: string;
  /** Failures: the `errMsg` keyword after `api:` (`'fail no permission'`, `'cancel'`), or a whole rejection value. */
  fail?: Partial<Record<Api, string | object>>;
  /** Called with each call before it settles (e.g. to hold it with a deferred, or to log it). */
  onCall?: (api: Api, params: unknown) => void | Promise<void>;
}

export type FakeWecom = WecomSdk & {
  /** Every call, in order: `[api, params]`. */
  readonly calls: Array<[keyof WecomSdk, unknown]>;
  /** The params of every call to `api`. */
  callsTo(api: keyof WecomSdk): unknown[];
  /** Change these to change what later calls return. */
  readonly options: FakeWecomOptions;
};

export function fakeWecom(options: FakeWecomOptions = {}): FakeWecom {
  const calls: FakeWecom['calls'] = [];
  const settle = async <T extends object>(api: Api, params: unknown, result: T) => {
    calls.push([api, params]);
    await options.onCall?.(api, params);
    const failure = options.fail?.[api];
    if (failure !== undefined)
      throw typeof failure === 'string' ? { errMsg: `${api}:${failure}`, errCode: -1 } : failure;
    return { errMsg: `${api}:ok`, errCode: 0, ...result };
  };
  const sdk: WecomSdk = {
    register(registerOptions) {
      calls.push(['register', registerOptions]);
    },
    getContext: (params) =>
      settle('getContext', params, { entry: (options.entry ?? 'single_chat_tools') as EntryType }),
    getCurExternalContact: (params) =>
      settle('getCurExternalContact', params, { userId: options.userId ?? 'wmEAlECwAAHrbWYDetiu3Af13xlYDAAA' }),
    getCurExternalChat: (params) =>
      settle('getCurExternalChat', params, { chatId: options.chatId ?? 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA' }),
    sendChatMessage: (params) => settle('sendChatMessage', params, {}),
    shareToExternalMoments: (params) => settle('shareToExternalMoments', params, {}),
    openUserProfile: (params) => settle('openUserProfile', params, {}),
  };
  return Object.assign(sdk, {
    calls,
    callsTo: (api: keyof WecomSdk) => calls.filter(([name]) => name === api).map(([, params]) => params),
    options,
  });
}

export interface StubHostBridgeOptions {
  kind?: string;
  entry?: HostEntry;
  customerId?: string;
  groupId?: string;
  /** Default: what the entry and ids imply (send to chat in a chat, nothing else). */
  capabilities?: Partial<HostCapabilities>;
  /** Makes `sendToChat`, `shareToMoments`, `openCustomerProfile` reject with this error. */
  error?: HostBridgeError;
}

export type StubHostBridge = HostBridge & {
  readonly sent: ChatMessage[];
  readonly shared: HostMomentShare[];
  readonly opened: string[];
};

/** A `HostBridge` for element tests: fixed entry and ids, records what elements send. */
export function stubHostBridge(options: StubHostBridgeOptions = {}): StubHostBridge {
  const entry = options.entry ?? 'normal';
  const inChat = entry === 'single-chat' || entry === 'group-chat';
  const sent: ChatMessage[] = [];
  const shared: HostMomentShare[] = [];
  const opened: string[] = [];
  const run = async <T>(list: T[], item: T) => {
    if (options.error) throw options.error;
    list.push(item);
  };
  return {
    kind: options.kind ?? 'stub',
    capabilities: {
      currentCustomer: !!options.customerId,
      currentGroup: !!options.groupId,
      sendToChat: inChat,
      shareToMoments: false,
      openCustomerProfile: false,
      ...options.capabilities,
    },
    sent,
    shared,
    opened,
    getEntry: async () => entry,
    getCurrentCustomerId: async () => options.customerId,
    getCurrentGroupId: async () => options.groupId,
    sendToChat: (message) => run(sent, message),
    shareToMoments: (share) => run(shared, share),
    openCustomerProfile: (customerId) => run(opened, customerId),
  };
}
