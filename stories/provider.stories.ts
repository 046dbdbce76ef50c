import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@clienteling/core/define.js';

const meta: Meta = {
  title: 'Core/Provider',
  component: 'cl-provider',
  parameters: {
    docs: {
      description: {
        component: [
          '`<cl-provider>` gives the elements inside it an adapter (`.adapter`), a language (`locale`) and a theme',
          '(`theme`). Providers nest; two providers on one page can use two adapters.',
        ].join(' '),
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

/** Two columns of swatches on the theme's surface. */
const paletteStyle = [
  'display:grid',
  'grid-template-columns:repeat(2,1fr)',
  'gap:8px',
  'padding:12px',
  'background:var(--cl-color-surface)',
  'color:var(--cl-color-text)',
].join(';');

/** A square of one colour token, outlined so that light colours show on a light surface. */
const swatchStyle = (name: string) =>
  [
    'width:32px',
    'height:32px',
    'border-radius:8px',
    'border:1px solid var(--cl-color-border)',
    `background:var(--cl-color-${name})`,
  ].join(';');

const renderSwatch = (name: string) =>
  html`<div style="display:flex;align-items:center;gap:8px">
    <span style=${swatchStyle(name)}></span>
    <code>--cl-color-${name}</code>
  </div>`;

const palette = (theme: 'light' | 'dark') =>
  html`<cl-provider theme=${theme}>
    <div style=${paletteStyle}>${swatches.map(renderSwatch)}</div>
  </cl-provider>`;

export const LightTokens: StoryObj = { render: () => palette('light') };
export const DarkTokens: StoryObj = { render: () => palette('dark') };
