import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
// Written by `npm run analyze` (run before every Storybook command): argTypes and docs of every element.
import manifest from './custom-elements.json';
import { themeStylesheet } from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import { argTypesFromManifest, descriptionFromManifest } from '../stories/support/manifest.js';

setCustomElementsManifest(manifest);

/**
 * Brand colours a designer can try. A brand is a pair (the light theme's colour, and one that keeps
 * 4.5:1 on the dark surface), each with the colour of text on it; set on an ancestor of the provider.
 */
const BRANDS: Record<string, Record<string, string>> = {
  default: {},
  red: {
    '--cl-color-primary': '#c8102e',
    '--cl-color-on-primary': '#ffffff',
    '--cl-color-primary-dark': '#ff7a70',
    '--cl-color-on-primary-dark': '#1d0806',
  },
  blue: {
    '--cl-color-primary': '#1764c0',
    '--cl-color-on-primary': '#ffffff',
    '--cl-color-primary-dark': '#7db3ff',
    '--cl-color-on-primary-dark': '#0b1a2e',
  },
  purple: {
    '--cl-color-primary': '#6b3fa0',
    '--cl-color-on-primary': '#ffffff',
    '--cl-color-primary-dark': '#c4a3f0',
    '--cl-color-on-primary-dark': '#1a0f2b',
  },
};

/** The page behind the stories follows the theme too (tokens on <html>, surface on <body>). */
function themePage(theme: string) {
  if (!document.getElementById('cl-story-theme')) {
    const style = document.createElement('style');
    style.id = 'cl-story-theme';
    style.textContent = `${themeStylesheet()} body{background:var(--cl-color-surface);color:var(--cl-color-text)}`;
    document.head.append(style);
  }
  document.documentElement.dataset.clTheme = theme;
}

/** Every story runs inside a provider with the toolbar's language, theme and brand colour. */
const withToolbar: Decorator = (story, context) => {
  const { locale, theme, brand } = context.globals as Record<string, string>;
  // In docs, stories sit on the docs page; only a story's own page takes the theme.
  if (context.viewMode === 'story') themePage(theme ?? 'light');
  return html`<div style=${styleMap(BRANDS[brand ?? 'default'] ?? {})}>
    <cl-provider locale=${locale ?? 'zh-CN'} theme=${theme ?? 'light'}>
      <div style="max-width: 375px">${story()}</div>
    </cl-provider>
  </div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme of the elements',
      toolbar: {
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (system)' },
        ],
        dynamicTitle: true,
      },
    },
    brand: {
      description: 'Brand colour (--cl-color-primary, --cl-color-primary-dark)',
      toolbar: {
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Theme green' },
          { value: 'red', title: 'Red #c8102e / #ff7a70' },
          { value: 'blue', title: 'Blue #1764c0 / #7db3ff' },
          { value: 'purple', title: 'Purple #6b3fa0 / #c4a3f0' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light', brand: 'default' },
  decorators: [withToolbar],
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { extractArgTypes: argTypesFromManifest, extractComponentDescription: descriptionFromManifest },
    a11y: { test: 'error' },
  },
};
export default preview;
