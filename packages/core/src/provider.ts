import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { clientelingContext, type ClientelingContext, type ThemeSetting } from './context.js';
import type { ClientelingAdapter } from './contract.js';
import type { HostBridge } from './host.js';
import { normalizeLocale } from './localize.js';
import { themeDeclarations } from './tokens.js';

/**
 * Gives the elements inside it an adapter, a language and a theme. Providers nest: an inner provider
 * without an adapter (or language, or theme) passes on its parent's.
 *
 * @summary Provides the adapter, locale and theme to every clienteling element inside it.
 * @slot - The page content that uses clienteling elements.
 * @cssproperty --cl-color-primary - The brand colour; every element follows it.
 */
export class ClProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme='dark']) {
      ${unsafeCSS(themeDeclarations('dark'))}
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${unsafeCSS(themeDeclarations('dark'))}
      }
    }
  `;

  /** The adapter the elements inside use (unless given their own). */
  @property({ attribute: false }) adapter?: ClientelingAdapter;

  /** The host page bridge (WeCom sidebar, browser…) the elements inside use. */
  @property({ attribute: false }) bridge?: HostBridge;

  /** Language of the elements inside: `zh-CN` (default) or `en`. Set as the `lang` attribute too. */
  @property({ reflect: true }) locale?: string;

  /** `light`, `dark` or `auto` (follows the system). */
  @property({ reflect: true }) theme?: ThemeSetting;

  private parent: ClientelingContext = {};
  private readonly provider = new ContextProvider(this, { context: clientelingContext, initialValue: {} });

  constructor() {
    super();
    new ContextConsumer(this, {
      context: clientelingContext,
      subscribe: true,
      callback: (value) => {
        this.parent = value ?? {};
        this.publish();
      },
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      const locale = normalizeLocale(this.locale);
      if (locale) this.setAttribute('lang', locale);
      else this.removeAttribute('lang');
    }
    this.publish();
  }

  private publish(): void {
    const value: ClientelingContext = {
      ...this.parent,
      ...(this.adapter ? { adapter: this.adapter } : {}),
      ...(this.bridge ? { bridge: this.bridge } : {}),
      ...(normalizeLocale(this.locale) ? { locale: normalizeLocale(this.locale) } : {}),
      ...(this.theme ? { theme: this.theme } : {}),
    };
    const old = this.provider.value;
    if (
      old.adapter !== value.adapter ||
      old.bridge !== value.bridge ||
      old.locale !== value.locale ||
      old.theme !== value.theme
    ) {
      this.provider.setValue(value);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
