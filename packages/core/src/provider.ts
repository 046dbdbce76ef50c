import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { clientelingContext, type ClientelingContext, type ThemeSetting } from './context.js';
import type { ClientelingAdapter } from './contract.js';
import type { HostBridge } from './host.js';
import { normalizeLocale } from './localize.js';
import { lightTokens, themeDeclarations } from './tokens.js';

/**
 * Gives the elements inside it an adapter, a language, a theme and an adapter timeout. Providers
 * nest: an inner provider without an adapter (or language, theme, timeout) passes on its parent's.
 *
 * Without `theme` the provider is layout-neutral (`display: contents`) and only sets the text colour
 * of its content. With `theme`, it is a block that paints the theme's page background and text
 * colour, so that the page's own content inside it (headers, lists, tab bars) follows the theme.
 *
 * The brand colour is a pair: `--cl-color-primary` for the light theme and
 * `--cl-color-primary-dark` for the dark one (with `--cl-color-on-primary` /
 * `--cl-color-on-primary-dark` for text on it). Set them on `:root` or any ancestor of the provider;
 * without a dark value the dark theme keeps its own, readable, green.
 *
 * @summary Provides the adapter, locale, theme and timeout to every clienteling element inside it.
 * @slot - The page content that uses clienteling elements.
 * @cssproperty --cl-color-primary - The brand colour in the light theme; every element follows it.
 * @cssproperty --cl-color-primary-dark - The brand colour in the dark theme (at least 4.5:1 on
 *   `#1d1f23`); defaults to `#35c46f`.
 * @cssproperty --cl-color-on-primary-dark - Text on the brand colour in the dark theme.
 * @cssproperty --cl-color-background - The page background a themed provider paints.
 */
export class ClProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
      color: var(--cl-color-text, ${unsafeCSS(lightTokens['color-text'])});
    }
    :host([theme]) {
      display: block;
      background: var(--cl-color-background, ${unsafeCSS(lightTokens['color-background'])});
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

  /** How long the elements inside wait for each adapter call, in ms (default 15,000; 0 for ever). */
  @property({ type: Number }) timeout?: number;

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
      ...(this.timeout !== undefined ? { timeout: this.timeout } : {}),
    };
    const old = this.provider.value;
    if (
      old.adapter !== value.adapter ||
      old.bridge !== value.bridge ||
      old.locale !== value.locale ||
      old.theme !== value.theme ||
      old.timeout !== value.timeout
    ) {
      this.provider.setValue(value);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
