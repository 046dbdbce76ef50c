import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Written by `npm run analyze` (run before every Storybook command): argTypes and docs of every element.
import manifest from './custom-elements.json';
import { html } from 'lit';
import '@clienteling/core/define.js';

setCustomElementsManifest(manifest);

/** Every story runs inside a provider whose language and theme come from the toolbar. */
const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language',
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
      description: 'Theme',
      toolbar: { icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'light' },
  decorators: [
    (story, context) =>
      html`<cl-provider locale=${context.globals.locale} theme=${context.globals.theme}>
        <div style="max-width: 375px; padding: 12px; background: var(--cl-color-surface, #fff)">${story()}</div>
      </cl-provider>`,
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};
export default preview;
