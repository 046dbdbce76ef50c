import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@clienteling/core/define.js';

const meta: Meta = {
  title: 'Core/Provider',
  component: 'cl-provider',
  parameters: {
    docs: {
      description: {
        component:
          '`<cl-provider>` gives the elements inside it an adapter (`.adapter`), a language (`locale`) and a theme (`theme`). Providers nest; two providers on one page can use two adapters.',
      },
    },
  },
};
export default meta;

const swatches = [
  'primary',
  'company',
  'verified',
  'text',
  'text-secondary',
  'surface-muted',
  'border',
  'danger',
  'success',
  'warning',
];

const palette = (theme: 'light' | 'dark') =>
  html`<cl-provider theme=${theme}>
    <div
      style="display:grid;grid-template-columns:repeat(2,1fr);gap:8px;padding:12px;background:var(--cl-color-surface);color:var(--cl-color-text)"
    >
      ${swatches.map(
        (name) =>
          html`<div style="display:flex;align-items:center;gap:8px">
            <span
              style="width:32px;height:32px;border-radius:8px;border:1px solid var(--cl-color-border);background:var(--cl-color-${name})"
            ></span>
            <code>--cl-color-${name}</code>
          </div>`,
      )}
    </div>
  </cl-provider>`;

export const LightTokens: StoryObj = { render: () => palette('light') };
export const DarkTokens: StoryObj = { render: () => palette('dark') };
