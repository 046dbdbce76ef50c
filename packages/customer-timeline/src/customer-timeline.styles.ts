import { css } from 'lit';

export const styles = css`
  :host {
    --_entry: var(--cl-customer-timeline-entry-height, 88px);
    --_day: var(--cl-customer-timeline-day-height, 40px);
    --_bg: var(--cl-customer-timeline-background, var(--_cl-surface));
    --_line: var(--cl-customer-timeline-line-color, var(--_cl-border));
    --_dot: var(--cl-customer-timeline-dot-color, var(--_cl-primary));
    --_day-bg: var(--cl-customer-timeline-day-background, var(--_cl-surface-2));
    display: block;
    background: var(--_bg);
  }
  .note {
    display: grid;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-3) var(--_cl-space-4);
  }
  .note-label {
    font-weight: 600;
  }
  textarea,
  select {
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
  }
  textarea {
    width: 100%;
    min-height: 76px;
    padding: var(--_cl-space-2);
    font-size: var(--_cl-font-lg);
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_cl-danger);
  }
  .note-bar,
  .toolbar,
  .choice,
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
  }
  .note-keys {
    flex: 1;
    min-width: 0;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .note-count {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-variant-numeric: tabular-nums;
  }
  .note-count[data-over],
  .note-problem,
  .error {
    color: var(--_cl-danger);
  }
  .note-problem {
    margin: 0;
  }
  .note-problem:empty {
    display: none;
  }
  .toolbar {
    position: sticky;
    top: var(--cl-customer-timeline-sticky-top, 0);
    z-index: 1;
    padding: var(--_cl-space-2) var(--_cl-space-4);
    border-bottom: 1px solid var(--_line);
    background: var(--_bg);
  }
  .choice {
    flex: 1;
    color: var(--_cl-text-2);
  }
  select {
    flex: 1;
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-2);
  }
  .day {
    display: flex;
    align-items: center;
    width: 100%;
    height: var(--_day);
    padding: 0 var(--_cl-space-4);
    background: var(--_day-bg);
  }
  h3 {
    margin: 0;
    font-size: var(--_cl-font-md);
    font-weight: 600;
  }
  .entry {
    position: relative;
    display: flex;
    width: 100%;
    height: var(--_entry);
    padding-left: 40px;
    background: var(--_bg);
    line-height: 1.4;
  }
  /* The line joining the entries, and the dot of each. */
  .entry::before {
    content: '';
    position: absolute;
    top: 0;
    bottom: 0;
    left: 21px;
    width: 2px;
    background: var(--_line);
  }
  .dot {
    position: absolute;
    top: 16px;
    left: 16px;
    width: 12px;
    height: 12px;
    border: 2px solid var(--_bg);
    border-radius: 50%;
    background: var(--_dot);
  }
  .entry[data-kind='note'] .dot {
    background: var(--_cl-verified);
  }
  .entry[data-kind='purchase'] .dot,
  .entry[data-kind='coupon-redeemed'] .dot {
    background: var(--_cl-company);
  }
  .entry[data-kind='left-group'] .dot {
    background: var(--_cl-text-2);
  }
  .entry-main {
    display: flex;
    flex: 1;
    flex-direction: column;
    justify-content: center;
    min-width: 0;
    padding: var(--_cl-space-2) var(--_cl-space-4) var(--_cl-space-2) var(--_cl-space-1);
    border: 0;
    border-bottom: 1px solid var(--_line);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
    touch-action: manipulation;
  }
  button.entry-main:active:not(:disabled) {
    background: var(--_cl-surface-2);
  }
  .entry[data-pending] {
    opacity: 0.7;
  }
  .headline,
  .time {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .headline {
    font-weight: 600;
  }
  .detail {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    color: var(--_cl-text);
    white-space: pre-line;
  }
  .detail:empty {
    display: none;
  }
  .time {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .bar {
    display: block;
    width: 45%;
    height: 12px;
    margin: 4px 0;
  }
  .bar + .bar {
    width: 80%;
  }
  .bar + .bar + .bar {
    width: 25%;
  }
  .state {
    padding: var(--_cl-space-5) var(--_cl-space-4);
    color: var(--_cl-text-2);
    text-align: center;
  }
  .state p {
    margin: 0 0 var(--_cl-space-3);
  }
  dialog {
    width: 90%;
    max-width: 420px;
    border: 0;
    border-radius: var(--_cl-radius);
    background: var(--_bg);
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .full-detail {
    white-space: pre-wrap;
  }
  .when {
    color: var(--_cl-text-2);
  }
  .actions {
    justify-content: flex-end;
  }
`;
