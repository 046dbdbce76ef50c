import { css } from 'lit';

export const pickerStyles = css`
  :host {
    --_tag-bg: var(--cl-tag-picker-tag-background, var(--_cl-surface-2));
    --_tag-fg: var(--cl-tag-picker-tag-color, var(--_cl-text));
    --_tag-on-bg: var(--cl-tag-picker-tag-selected-background, var(--_cl-primary));
    --_tag-on-fg: var(--cl-tag-picker-tag-selected-color, var(--_cl-on-primary));
    --_tag-radius: var(--cl-tag-picker-tag-radius, 999px);
    --_tag-height: var(--cl-tag-picker-tag-height, var(--_cl-touch));
    --_gap: var(--cl-tag-picker-gap, var(--_cl-space-2));
    --_match: var(--cl-tag-picker-match-background, var(--_cl-warning));
    display: block;
  }
  .group {
    padding: var(--_cl-space-2) 0;
    content-visibility: auto;
    contain-intrinsic-size: auto 120px;
  }
  .label {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_cl-space-2);
    margin: 0 0 var(--_cl-space-2);
    font-weight: 600;
  }
  .hint {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-weight: 400;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  button {
    display: inline-block;
    min-height: var(--_tag-height);
    min-width: var(--_cl-touch);
    max-width: 100%;
    padding: calc((var(--_tag-height) - 1.5em) / 2 - 1px) var(--_cl-space-3);
    border: 1px solid transparent;
    border-radius: var(--_tag-radius);
    background: var(--_tag-bg);
    color: var(--_tag-fg);
    font: inherit;
    text-align: start;
    cursor: pointer;
    touch-action: manipulation;
  }
  button:active {
    filter: brightness(0.92);
  }
  button[aria-checked='true'] {
    background: var(--_tag-on-bg);
    color: var(--_tag-on-fg);
  }
  button[aria-checked='true']::before {
    content: '✓' / '';
    margin-inline-end: var(--_cl-space-1);
  }
  .ro button {
    cursor: default;
  }
  .ro button:not([aria-checked='true']) {
    border-color: var(--_cl-border);
    background: transparent;
  }
  button[data-state='pending'] {
    border: 2px dashed var(--_cl-text-2);
  }
  button[data-state='error'] {
    border: 2px solid var(--_cl-danger);
  }
  button[data-state='error']::after {
    content: '!' / '';
    margin-inline-start: var(--_cl-space-1);
    color: var(--_cl-danger);
    font-weight: 700;
  }
  button[aria-checked='true'][data-state='error']::after {
    color: inherit;
  }
  mark {
    border-radius: 2px;
    background: color-mix(in srgb, var(--_match) 30%, transparent);
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
  .group .empty {
    padding: 0;
    text-align: start;
    font-size: var(--_cl-font-sm);
  }
`;
