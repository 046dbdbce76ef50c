import { createContext } from '@lit/context';
import type { ClientelingAdapter } from './contract.js';
import type { Locale } from './localize.js';
import type { HostBridge } from './host.js';

export type ThemeSetting = 'light' | 'dark' | 'auto';

/** What a `<cl-provider>` gives the elements inside it. */
export interface ClientelingContext {
  adapter?: ClientelingAdapter;
  locale?: Locale;
  theme?: ThemeSetting;
  /** How long elements wait for an adapter call, in ms (see `ClientelingElement.timeout`). */
  timeout?: number;
  /** The host page (WeCom sidebar, web-view, browser), when the page gave one. */
  bridge?: HostBridge;
}

export const clientelingContext = createContext<ClientelingContext>(Symbol.for('clienteling.context'));
