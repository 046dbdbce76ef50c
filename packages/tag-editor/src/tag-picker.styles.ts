import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  .group {
    padding: var(--_cl-space-2) 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 120px;
  }
  .label {
    margin: 0 0 var(--_cl-space-2);
    font-weight: 600;
  }
  .hint {
    display: inline-block;
    margin: 0 var(--_cl-space-2);
    white-space: nowrap;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-weight: 400;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cl-tag-picker-gap, var(--_cl-space-2));
  }
  button {
    --_h: var(--cl-tag-picker-tag-height, var(--_cl-touch));
    min-height: var(--_h);
    min-width: var(--_cl-touch);
    max-width: 100%;
    padding: calc((var(--_h) - 1.5em) / 2 - 1px) var(--_cl-space-3);
    border: 1px solid transparent;
    border-radius: var(--cl-tag-picker-tag-radius, 999px);
    background: var(--cl-tag-picker-tag-background, var(--_cl-surface-2));
    color: var(--cl-tag-picker-tag-color, var(--_cl-text));
    font: inherit;
    cursor: pointer;
    touch-action: manipulation;
    scroll-margin-bottom: var(--cl-tag-picker-scroll-margin-bottom, 0px);
  }
  button:active {
    filter: brightness(0.92);
  }
  [aria-checked='true'] {
    background: var(--cl-tag-picker-tag-selected-background, var(--_cl-primary));
    color: var(--cl-tag-picker-tag-selected-color, var(--_cl-on-primary));
  }
  [aria-checked='true']::before {
    content: '✓ ' / '';
  }
  /* Read-only tags (rule tags, a read-only editor) are labels: no fill of the brand colour, no tick. */
  .ro button {
    cursor: default;
  }
  .ro button:active {
    filter: none;
  }
  .ro [aria-checked='true'] {
    border-color: var(--_cl-border);
    background: var(--_cl-surface-2);
    color: var(--_cl-text);
  }
  .ro [aria-checked='true']::before {
    content: none;
  }
  .ro [aria-checked='false'] {
    border-color: var(--_cl-border);
    border-style: dashed;
    background: none;
  }
  .expand {
    margin-top: var(--_cl-space-2);
    border: 0;
    border-radius: var(--_cl-radius);
    background: none;
    color: var(--_cl-primary);
  }
  [data-state='pending'] {
    border: 2px dashed var(--_cl-text-2);
  }
  [data-state='error'] {
    border: 2px solid var(--_cl-danger);
  }
  [data-state='error']::after {
    content: ' !' / '';
    font-weight: 700;
  }
  mark {
    background: color-mix(in srgb, var(--cl-tag-picker-match-background, var(--_cl-warning)) 30%, transparent);
    color: inherit;
    font-weight: 600;
    text-decoration: underline;
  }
  .empty {
    margin: 0;
    padding: var(--_cl-space-4) 0;
    color: var(--_cl-text-2);
    text-align: center;
  }
`;
