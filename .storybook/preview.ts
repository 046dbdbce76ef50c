import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
// Written by `npm run analyze` (run before every Storybook command): argTypes and docs of every element.
import manifest from './custom-elements.json';
import { themeStylesheet } from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import { argTypesFromManifest, descriptionFromManifest } from '../stories/support/manifest.js';

setCustomElementsManifest(manifest);

/** Brand colours a designer can try: one custom property, `--cl-color-primary`, changes them all. */
const BRANDS: Record<string, string | undefined> = {
  default: undefined,
  red: '#c8102e',
  blue: '#1764c0',
  purple: '#6b3fa0',
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
  const brandColour = BRANDS[brand ?? 'default'];
  const styles = brandColour ? { '--cl-color-primary': brandColour, '--cl-color-on-primary': '#ffffff' } : {};
  return html`<cl-provider locale=${locale ?? 'zh-CN'} theme=${theme ?? 'light'} style=${styleMap(styles)}>
    <div style="max-width: 375px; color: var(--cl-color-text)">${story()}</div>
  </cl-provider>`;
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
      description: 'Brand colour (--cl-color-primary)',
      toolbar: {
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Theme green' },
          { value: 'red', title: 'Red #c8102e' },
          { value: 'blue', title: 'Blue #1764c0' },
          { value: 'purple', title: 'Purple #6b3fa0' },
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
