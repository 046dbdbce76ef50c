import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_accent: var(--cl-broadcast-composer-accent, var(--_cl-primary));
    --_danger: var(--cl-broadcast-composer-danger, var(--_cl-danger));
    --_skipped: var(--cl-broadcast-composer-skipped, var(--_cl-warning));
    --_sheet-backdrop: var(--cl-broadcast-composer-backdrop, rgb(0 0 0 / 45%));
  }
  .box,
  .form,
  fieldset,
  label:not(.choice),
  .progress,
  .awaiting {
    display: grid;
    gap: var(--_cl-space-2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .box {
    gap: var(--_cl-space-3);
    padding: var(--_cl-space-4);
    background: var(--cl-broadcast-composer-background, var(--_cl-surface));
  }
  h2,
  h3,
  h4,
  p,
  ul {
    margin: 0;
    font-size: inherit;
  }
  h2 {
    font-size: var(--_cl-font-xl);
  }
  h2,
  h3,
  h4,
  legend,
  .field {
    font-weight: 600;
  }
  h3:focus {
    outline: none;
  }
  legend {
    margin-bottom: var(--_cl-space-2);
  }
  textarea,
  input:not([type]) {
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .counter {
    text-align: end;
  }
  [data-over],
  .bad {
    color: var(--_danger);
  }
  .notice {
    padding: var(--_cl-space-3);
    border-left: 4px solid var(--_cl-warning);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    min-height: var(--_cl-touch);
  }
  input,
  progress {
    accent-color: var(--_accent);
  }
  .card {
    padding: var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
  }
  .card legend {
    padding: 0 var(--_cl-space-1);
  }
  .reach {
    display: grid;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-3);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface-2);
  }
  .reach[data-skipped] {
    border-left: 4px solid var(--_skipped);
  }
  .reach:empty {
    display: none;
  }
  .reach-line {
    font-weight: 600;
  }
  .more {
    justify-self: start;
    min-height: var(--_cl-touch);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  .skipped,
  .recipients {
    display: grid;
    gap: var(--_cl-space-1);
    padding: 0;
    list-style: none;
  }
  .skipped li,
  .recipient {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_cl-space-1) var(--_cl-space-3);
    padding: var(--_cl-space-2) 0;
    border-bottom: 1px solid var(--_cl-border);
  }
  .skipped li .hint {
    color: var(--_cl-text-2);
  }
  .recipient .name {
    flex: 1;
  }
  .recipient[data-status='failed'] .status {
    color: var(--_danger);
  }
  .recipient .detail {
    flex-basis: 100%;
  }
  [part='send-button'] {
    justify-self: stretch;
  }
  .awaiting {
    padding: var(--_cl-space-3);
    border-left: 4px solid var(--_accent);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
  }
  progress {
    width: 100%;
    height: 8px;
  }
  .tabs {
    display: flex;
    gap: var(--_cl-space-1);
    overflow-x: auto;
    border-bottom: 1px solid var(--_cl-border);
  }
  [role='tab'] {
    flex: none;
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-2);
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--_cl-text-2);
    font: inherit;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_cl-text);
    font-weight: 600;
  }
  .cl-skeleton {
    height: 44px;
  }
  .cl-skeleton[data-line='title'] {
    height: 24px;
  }
  .cl-skeleton[data-line='text'] {
    height: 128px;
  }
  .cl-skeleton[data-line='media'] {
    height: 100px;
  }
  dialog p {
    margin: var(--_cl-space-2) 0;
  }
`;
