/**
 * Design tokens in two tiers: global `--cl-*` custom properties (this file) and per-element tokens
 * that default to them. One property, `--cl-color-primary`, changes the brand colour.
 */
import { css, unsafeCSS } from 'lit';
import { feedbackStyles } from './feedback.js';

/** Global tokens of the light theme (names without the `--cl-` prefix). */
export const lightTokens = {
  'color-primary': '#0a7d3e',
  'color-on-primary': '#ffffff',
  'color-company': '#9a6200',
  'color-verified': '#1764c0',
  'color-text': '#1f2329',
  'color-text-secondary': '#575e69',
  'color-surface': '#ffffff',
  'color-surface-muted': '#f3f4f6',
  'color-background': '#f5f6f7',
  'color-border': '#d5d9df',
  'color-danger': '#c4271d',
  'color-on-danger': '#ffffff',
  'color-success': '#0a7d3e',
  'color-warning': '#a14b00',
  'color-focus': '#1764c0',
  'color-skeleton': '#e6e8eb',
} as const;

export type TokenName = keyof typeof lightTokens;

/** Global tokens of the dark theme. */
export const darkTokens: Record<TokenName, string> = {
  'color-primary': '#35c46f',
  'color-on-primary': '#0b1a10',
  'color-company': '#f2b640',
  'color-verified': '#7db3ff',
  'color-text': '#e8eaed',
  'color-text-secondary': '#aeb4bd',
  'color-surface': '#1d1f23',
  'color-surface-muted': '#2a2d33',
  'color-background': '#121316',
  'color-border': '#40444c',
  'color-danger': '#ff7a70',
  'color-on-danger': '#1d0806',
  'color-success': '#35c46f',
  'color-warning': '#f0a050',
  'color-focus': '#7db3ff',
  'color-skeleton': '#33363c',
};

export type ThemeName = 'light' | 'dark';

/**
 * Tokens of the dark theme that a page may set apart (`--cl-color-primary-dark`…), so that a brand
 * colour chosen for white keeps its contrast on dark surfaces.
 */
const DARK_PAIRS: readonly TokenName[] = ['color-primary', 'color-on-primary'];

/**
 * Declarations that set every global token of a theme, for `:root` or any container. In the dark
 * theme the brand pair reads `--cl-color-primary-dark` / `--cl-color-on-primary-dark` first.
 */
export function themeDeclarations(theme: ThemeName): string {
  const tokens = theme === 'dark' ? darkTokens : lightTokens;
  return Object.entries(tokens)
    .map(([name, value]) =>
      theme === 'dark' && DARK_PAIRS.includes(name as TokenName)
        ? `--cl-${name}:var(--cl-${name}-dark, ${value});`
        : `--cl-${name}:${value};`,
    )
    .concat(theme === 'dark' ? 'color-scheme:dark;' : 'color-scheme:light;')
    .join('');
}

/**
 * A stylesheet for pages without a provider: `[data-cl-theme="dark"]` (or `light`) on any ancestor,
 * and `[data-cl-theme="auto"]` to follow the system setting.
 */
export const themeStylesheet = (): string =>
  `[data-cl-theme="light"]{${themeDeclarations('light')}}` +
  `[data-cl-theme="dark"]{${themeDeclarations('dark')}}` +
  `@media (prefers-color-scheme: dark){[data-cl-theme="auto"]{${themeDeclarations('dark')}}}`;

const fallback = (name: TokenName) => unsafeCSS(`var(--cl-${name}, ${lightTokens[name]})`);

/**
 * Base styles every element includes: private `--_cl-*` aliases of the global tokens (with the
 * light theme as fallback), typography that wraps well in Chinese and English, and focus rings.
 */
export const baseStyles = css`
  :host {
    --_cl-primary: ${fallback('color-primary')};
    --_cl-on-primary: ${fallback('color-on-primary')};
    --_cl-company: ${fallback('color-company')};
    --_cl-verified: ${fallback('color-verified')};
    --_cl-text: ${fallback('color-text')};
    --_cl-text-2: ${fallback('color-text-secondary')};
    --_cl-surface: ${fallback('color-surface')};
    --_cl-surface-2: ${fallback('color-surface-muted')};
    --_cl-border: ${fallback('color-border')};
    --_cl-danger: ${fallback('color-danger')};
    --_cl-on-danger: ${fallback('color-on-danger')};
    --_cl-success: ${fallback('color-success')};
    --_cl-warning: ${fallback('color-warning')};
    --_cl-focus: ${fallback('color-focus')};
    --_cl-skeleton: ${fallback('color-skeleton')};
    --_cl-radius: var(--cl-radius, 8px);
    --_cl-radius-sm: var(--cl-radius-small, 4px);
    --_cl-space-1: var(--cl-space-1, 4px);
    --_cl-space-2: var(--cl-space-2, 8px);
    --_cl-space-3: var(--cl-space-3, 12px);
    --_cl-space-4: var(--cl-space-4, 16px);
    --_cl-space-5: var(--cl-space-5, 24px);
    --_cl-font-sm: var(--cl-font-size-small, 12px);
    --_cl-font-md: var(--cl-font-size-medium, 14px);
    --_cl-font-lg: var(--cl-font-size-large, 16px);
    --_cl-font-xl: var(--cl-font-size-x-large, 18px);
    --_cl-touch: var(--cl-touch-target, 44px);
    box-sizing: border-box;
    color: var(--_cl-text);
    font-family: var(
      --cl-font-family,
      -apple-system,
      BlinkMacSystemFont,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    font-size: var(--_cl-font-md);
    line-height: 1.5;
    overflow-wrap: anywhere;
    line-break: strict;
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_cl-focus);
    outline-offset: 2px;
  }
  ::placeholder {
    color: var(--_cl-text-2);
    opacity: 1;
  }
  .cl-offline {
    margin: 0 0 var(--_cl-space-2);
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border-left: 4px solid var(--_cl-warning);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
    color: var(--_cl-text);
  }
  .cl-on-demand {
    padding: var(--_cl-space-3) var(--_cl-space-4);
    color: var(--_cl-text-2);
  }
  .cl-visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .cl-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_cl-space-1);
    min-height: var(--_cl-touch);
    min-width: var(--_cl-touch);
    padding: 0 var(--_cl-space-4);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
    cursor: pointer;
    touch-action: manipulation;
  }
  .cl-button:active:not(:disabled) {
    filter: brightness(0.92);
  }
  .cl-button[data-variant='primary'] {
    border-color: var(--_cl-primary);
    background: var(--_cl-primary);
    color: var(--_cl-on-primary);
  }
  .cl-button[data-variant='danger'] {
    border-color: var(--_cl-danger);
    color: var(--_cl-danger);
  }
  .cl-button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .cl-skeleton {
    background: var(--_cl-skeleton);
    border-radius: var(--_cl-radius-sm);
    animation: cl-pulse 1.4s ease-in-out infinite;
  }
  @keyframes cl-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .cl-skeleton {
      animation: none;
    }
  }
  ${feedbackStyles}
`;
