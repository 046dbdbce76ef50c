import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { clientelingContext, type ClientelingContext } from './context.js';
import type { ClientelingAdapter } from './contract.js';
import type { ChatMessage, HostBridge, HostMomentShare } from './host.js';
import type * as Schemas from './schemas.js';

type SchemaName = { [K in keyof typeof Schemas]: K extends `${string}Schema` ? K : never }[keyof typeof Schemas];

/**
 * Validates data a page gave directly (a property, not an adapter response) against a domain
 * schema, loading the schemas on first use like the adapter validation does.
 */
export async function parseLater<K extends SchemaName>(
  schema: K,
  data: unknown,
  what: string,
): Promise<import('zod/mini').output<(typeof Schemas)[K]>> {
  const { parseOrInvalid, schemas } = await import('./validation-chunk.js');
  return parseOrInvalid(schemas[schema], data, what) as never;
}

const validatedCache = new WeakMap<ClientelingAdapter, ClientelingAdapter>();

/**
 * The adapter behind `withValidation`, with the schemas (zod) loaded on the first call rather than
 * with the elements: a page renders its skeletons before validation code arrives.
 */
const validated = (adapter: ClientelingAdapter): ClientelingAdapter => {
  let validatedAdapter = validatedCache.get(adapter);
  if (!validatedAdapter) {
    let loading: Promise<ClientelingAdapter> | undefined;
    const load = () => (loading ??= import('./validation-chunk.js').then((chunk) => chunk.withValidation(adapter)));
    validatedAdapter = new Proxy({} as ClientelingAdapter, {
      get: (_target, name: string) =>
        name === 'capabilities'
          ? adapter.capabilities
          : (input: unknown) =>
              load().then((api) => (api[name as keyof ClientelingAdapter] as (input: unknown) => unknown)(input)),
    });
    validatedCache.set(adapter, validatedAdapter);
  }
  return validatedAdapter;
};

/**
 * What every clienteling element shares: it finds its adapter (its own `adapter` property first,
 * then the nearest `<cl-provider>`), wraps it so every response is validated, and tells the subclass
 * when the adapter changes.
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

  private resolvedApi?: ClientelingAdapter;
  private askedHost?: HostBridge;

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
    const next = raw ? validated(raw) : undefined;
    if (next !== this.resolvedApi) {
      this.resolvedApi = next;
      this.apiChanged(next);
    }
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
    return html`<cl-host-share .message=${share.message} .moment=${share.moment}></cl-host-share>`;
  }

  /**
   * Called (before render) when the adapter in use changes, including the first time one is found.
   * Elements (re)load their data here.
   */
  protected apiChanged(_api: ClientelingAdapter | undefined): void {}
}
