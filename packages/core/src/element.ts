import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clientelingContext, type ClientelingContext } from './context.js';
import type { ClientelingAdapter } from './contract.js';
import { AdapterError } from './errors.js';
import { callValidatedOperation, loadStaffSchemas } from './load-validation.js';
import { LocalizeController, catalogsLoading } from './localize.js';
import { coreMessages } from './messages.js';
import type { ChatMessage, HostBridge, HostMomentShare } from './host.js';
import type * as Schemas from './schemas-staff.js';

type SchemaName = { [K in keyof typeof Schemas]: K extends `${string}Schema` ? K : never }[keyof typeof Schemas];

/**
 * Validates data a page gave directly (a property, not an adapter response) against one of the
 * schemas of the staff, the store and the policy (`schemas-staff.ts`), loading them
 * on first use like the adapter validation does.
 */
export async function parseLater<K extends SchemaName>(
  schema: K,
  data: unknown,
  what: string,
): Promise<import('zod/mini').output<(typeof Schemas)[K]>> {
  const { parseOrInvalid, schemas } = await loadStaffSchemas();
  return parseOrInvalid(schemas[schema], data, what) as never;
}

const validatedCache = new WeakMap<ClientelingAdapter, ClientelingAdapter>();

/**
 * `adapter` with every input checked before it is sent and every response checked before an element
 * sees it, like `withValidation`; the schemas (zod) load with the first call of each operation group
 * rather than with the elements, so a page renders its skeletons before validation code arrives.
 * A failed load (a chunk offline) fails that call and is tried again on the next.
 */
const validated = (adapter: ClientelingAdapter): ClientelingAdapter => {
  let validatedAdapter = validatedCache.get(adapter);
  if (!validatedAdapter) {
    validatedAdapter = new Proxy({} as ClientelingAdapter, {
      get: (_target, name: string) =>
        name === 'capabilities'
          ? adapter.capabilities
          : (input: unknown) => callValidatedOperation(adapter, name, input),
    });
    validatedCache.set(adapter, validatedAdapter);
  }
  return validatedAdapter;
};

/** How long an element waits for an adapter call before it gives up, in ms (15 s). */
export const DEFAULT_ADAPTER_TIMEOUT = 15_000;

const timedCache = new WeakMap<ClientelingAdapter, Map<number, ClientelingAdapter>>();

/**
 * `adapter` with every call limited to `timeoutMs`: a call that has not settled by then rejects
 * with a retryable `unavailable` AdapterError of reason `timeout` (its late answer is dropped).
 * A timeout of 0 (or less, or not a number) waits for ever. The same wrapper for the same pair.
 * `uploadMedia` is left as it is: an upload reports its progress and is cancelled through its
 * `signal`, and a large video on a slow network may rightly take longer.
 */
export function withTimeout(adapter: ClientelingAdapter, timeoutMs: number): ClientelingAdapter {
  if (!(timeoutMs > 0)) return adapter;
  let byTimeout = timedCache.get(adapter);
  if (!byTimeout) timedCache.set(adapter, (byTimeout = new Map()));
  let timed = byTimeout.get(timeoutMs);
  if (!timed) {
    timed = new Proxy({} as ClientelingAdapter, {
      get: (_target, name: string) => {
        if (name === 'capabilities') return adapter.capabilities;
        if (name === 'then') return undefined;
        if (name === 'uploadMedia') return adapter.uploadMedia.bind(adapter);
        return (input: unknown) => {
          const call = (adapter[name as keyof ClientelingAdapter] as (input: unknown) => Promise<unknown>)(input);
          return settleWithin(call, timeoutMs, name);
        };
      },
    });
    byTimeout.set(timeoutMs, timed);
  }
  return timed;
}

/** `call`, or a `timeout` AdapterError when it has not settled within `timeoutMs`. */
function settleWithin<T>(call: Promise<T>, timeoutMs: number, name: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const message = `${name} did not answer within ${timeoutMs} ms`;
      reject(new AdapterError('unavailable', message, { reason: 'timeout', retryable: true }));
    }, timeoutMs);
    call.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Whether the browser says the network is gone (`navigator.onLine`); false outside a browser. */
const isOffline = () => globalThis.navigator?.onLine === false;

/**
 * What every clienteling element shares: it finds its adapter (its own `adapter` property first,
 * then the nearest `<cl-provider>`), wraps it so every response is validated and every call times
 * out, tells the subclass when the adapter changes, and knows when the browser is offline.
 */
export abstract class ClientelingElement extends LitElement {
  /** The adapter to use instead of the nearest `<cl-provider>`'s. */
  @property({ attribute: false }) adapter?: ClientelingAdapter;

  /** What the nearest `<cl-provider>` gives. */
  @consume({ context: clientelingContext, subscribe: true })
  @state()
  protected providerContext?: ClientelingContext;

  /** The host page bridge to use instead of the nearest `<cl-provider>`'s. */
  @property({ attribute: false }) bridge?: HostBridge;

  /**
   * How long to wait for each adapter call, in ms, before showing it as not answered (a send as
   * "not confirmed", with a retry that reuses its request id). Defaults to the provider's
   * `timeout`, else 15,000; 0 waits for ever.
   */
  @property({ type: Number }) timeout?: number;

  /** Whether the browser is offline (`navigator.onLine`, kept up to date by `online`/`offline` events). */
  @state() protected offline = false;

  private resolvedApi?: ClientelingAdapter;
  /** Set when the adapter in use changed, until `shouldLoad` reports it. */
  private apiSwitched = false;
  private askedHost?: HostBridge;
  private readonly coreLocalize = new LocalizeController(this, coreMessages);

  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = isOffline();
    globalThis.addEventListener?.('online', this.handleConnectivityChange);
    globalThis.addEventListener?.('offline', this.handleConnectivityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.handleConnectivityChange);
    globalThis.removeEventListener?.('offline', this.handleConnectivityChange);
  }

  /** Waits, before rendering, for the strings of the language the element is in (English loads on demand). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = catalogsLoading(this);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  private readonly handleConnectivityChange = () => {
    this.offline = isOffline();
  };

  /** The host bridge in use, if any (the element's own, else the provider's). */
  protected get host(): HostBridge | undefined {
    return this.bridge ?? this.providerContext?.bridge;
  }

  /** The adapter in use, validated at the boundary; undefined when there is none. */
  protected get api(): ClientelingAdapter | undefined {
    return this.resolvedApi;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const raw = this.adapter ?? this.providerContext?.adapter;
    const timeout = this.timeout ?? this.providerContext?.timeout ?? DEFAULT_ADAPTER_TIMEOUT;
    const next = raw ? withTimeout(validated(raw), timeout) : undefined;
    if (next !== this.resolvedApi) {
      this.resolvedApi = next;
      this.apiSwitched = true;
      this.apiChanged(next);
    }
  }

  /**
   * The rule of an element about one customer (or group): it shows the one whose id it was given
   * (`customerId`, `groupId`), else the host page's current one (the WeCom chat the sidebar is open
   * on, asked once per bridge and taken only while no id is given), and loads again when the
   * adapter in use or that id changes. Call it in `willUpdate`, after `super.willUpdate`: true when
   * it is time to (re)load.
   */
  protected shouldLoad<Kind extends 'customer' | 'group'>(
    this: this & Record<`${Kind}Id`, string>,
    kind: Kind,
    changed: PropertyValues,
  ): boolean {
    const idProperty: `${Kind}Id` = `${kind}Id`;
    const ids = this as Record<`${Kind}Id`, string>;
    if (!ids[idProperty]) this.askHost(kind, (id) => (ids[idProperty] ||= id));
    const load = this.apiSwitched || changed.has(idProperty);
    this.apiSwitched = false;
    return load;
  }

  /**
   * Asks the host page (once per bridge) for its current customer or group, the WeCom chat the
   * sidebar is open on, and calls `use` with the id when there is one. Elements call it when no
   * id was given to them.
   */
  protected askHost(kind: 'customer' | 'group', use: (id: string) => void): void {
    const host = this.host;
    if (!host || host === this.askedHost) return;
    this.askedHost = host;
    const currentId = () => {
      if (kind === 'customer') return host.capabilities.currentCustomer ? host.getCurrentCustomerId() : undefined;
      return host.capabilities.currentGroup ? host.getCurrentGroupId() : undefined;
    };
    host
      .getEntry()
      .then(currentId)
      .then(
        (id) => id && use(id),
        () => {},
      );
  }

  /**
   * A "Send to chat" (`message`) or "Share through WeCom" (`moment`) button for the host page, which
   * shows itself only where the host can do it; its code loads on demand.
   */
  protected hostShare(share: { message?: ChatMessage; moment?: HostMomentShare }) {
    if (!this.host) return nothing;
    import('./define-host-share.js');
    return html`<cl-host-share .bridge=${this.host} .message=${share.message} .moment=${share.moment}></cl-host-share>`;
  }

  /**
   * The notice that the network is gone, in a live region that is always there (empty while
   * online) so that screen readers hear the change. Elements render it at the top.
   */
  protected renderOfflineNotice() {
    const notice = this.offline
      ? html`<p class="cl-offline" part="offline">${this.coreLocalize.t('common.offline')}</p>`
      : nothing;
    return html`<div role="status" class="cl-offline-region">${notice}</div>`;
  }

  /**
   * Called (before render) when the adapter in use changes, including the first time one is found.
   * Elements (re)load their data here.
   */
  protected apiChanged(_api: ClientelingAdapter | undefined): void {}
}
