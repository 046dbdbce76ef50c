import { css } from 'lit';

export const styles = css`
  :host {
    --_bg: var(--cl-customer-transfer-background, var(--_cl-surface));
    --_line: var(--cl-customer-transfer-step-border, var(--_cl-border));
    --_accent: var(--cl-customer-transfer-accent, var(--_cl-primary));
    --_radius: var(--cl-customer-transfer-radius, var(--_cl-radius));
    --_sheet-radius: var(--_radius);
    --_sheet-backdrop: var(--cl-customer-transfer-backdrop, rgb(0 0 0 / 45%));
    display: flow-root;
    padding: 0 var(--_cl-space-4) var(--_cl-space-4);
    background: var(--_bg);
    color: var(--_cl-text);
  }
  h2,
  h3 {
    margin: var(--_cl-space-4) 0 var(--_cl-space-2);
    line-height: 1.3;
  }
  h2 {
    font-size: var(--_cl-font-xl);
  }
  h3 {
    font-size: var(--_cl-font-lg);
  }
  h3:focus {
    outline: none;
  }
  p {
    margin: var(--_cl-space-1) 0;
  }
  .meta {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .error {
    color: var(--_cl-danger);
  }
  .error:empty {
    display: none;
  }
  .warning {
    color: var(--_cl-danger);
  }
  .state {
    padding: var(--_cl-space-3) 0;
    color: var(--_cl-text-2);
  }
  .line {
    height: 44px;
    margin-bottom: var(--_cl-space-2);
  }
  .step {
    padding-bottom: var(--_cl-space-3);
    border-bottom: 1px solid var(--_line);
  }
  .read-only {
    margin-top: var(--_cl-space-4);
    padding: var(--_cl-space-3) var(--_cl-space-4);
    border-left: 4px solid var(--_accent);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
  }
  .read-only h2 {
    margin-top: 0;
  }
  .search,
  textarea {
    width: 100%;
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
    font-size: var(--_cl-font-lg);
  }
  textarea {
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_cl-danger);
  }
  .options,
  .rows {
    display: grid;
    gap: var(--_cl-space-1);
    margin: var(--_cl-space-2) 0;
    padding: 0;
    list-style: none;
  }
  .scroll {
    max-height: var(--cl-customer-transfer-list-height, 360px);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-1) var(--_cl-space-2);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:active {
    background: var(--_cl-surface-2);
  }
  .option[data-checked] {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  .option input {
    flex: none;
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .option-body {
    display: grid;
    min-width: 0;
  }
  .name {
    font-weight: 600;
  }
  .select-all {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-2);
    border-bottom: 1px solid var(--_line);
  }
  .count {
    color: var(--_accent);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .filter summary {
    display: flex;
    align-items: center;
    min-height: var(--_cl-touch);
    color: var(--_accent);
    cursor: pointer;
  }
  .limits {
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
    font-size: var(--_cl-font-sm);
  }
  .link {
    min-height: var(--_cl-touch);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .field-label {
    display: block;
    margin: var(--_cl-space-3) 0 var(--_cl-space-1);
    font-weight: 600;
  }
  .message-bar {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_cl-space-2);
  }
  .message-bar .link {
    margin-right: auto;
  }
  .counter {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_cl-danger);
  }
  .more,
  .submit {
    width: 100%;
    margin-top: var(--_cl-space-2);
  }
  .preview:not(:empty) {
    margin-top: var(--_cl-space-2);
  }
  .summary {
    font-weight: 600;
  }
  .blocked,
  .statuses {
    margin: var(--_cl-space-1) 0;
    padding-left: var(--_cl-space-4);
  }
  .statuses [data-status='done'] {
    color: var(--_cl-success);
  }
  .statuses [data-status='refused'],
  .statuses [data-status='successor-over-cap'],
  .statuses [data-status='too-frequent'] {
    color: var(--_cl-danger);
  }
  .history-item {
    display: grid;
    padding: var(--_cl-space-2) 0;
    border-bottom: 1px solid var(--_line);
  }
  .quote {
    margin: var(--_cl-space-2) 0;
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border-left: 3px solid var(--_accent);
    background: var(--_cl-surface-2);
  }
  }
`;
