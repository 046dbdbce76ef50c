import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--cl-coupon-dispenser-accent, var(--_cl-danger));
    --_line: var(--cl-coupon-dispenser-card-border, var(--_cl-border));
    --_radius: var(--cl-coupon-dispenser-radius, var(--_cl-radius));
    --_sheet-radius: var(--_radius);
    --_sheet-backdrop: var(--cl-coupon-dispenser-backdrop, rgb(0 0 0 / 45%));
    display: flow-root;
    padding: 0 var(--_cl-space-3) var(--_cl-space-3);
    background: var(--cl-coupon-dispenser-background, var(--_cl-surface));
    color: var(--_cl-text);
  }
  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--_cl-space-2);
  }
  .link {
    min-height: var(--_cl-touch);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_cl-primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .nowrap {
    white-space: nowrap;
  }
  .unavailable {
    margin-top: var(--_cl-space-3);
  }
  .unavailable summary {
    display: flex;
    align-items: center;
    min-height: var(--_cl-touch);
    color: var(--_cl-text-2);
    cursor: pointer;
  }
  .unavailable summary::before {
    content: '▸' / '';
    margin-right: var(--_cl-space-1);
  }
  .unavailable[open] summary::before {
    content: '▾' / '';
  }
  .unavailable summary::-webkit-details-marker {
    display: none;
  }
  .recipient {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    margin: var(--_cl-space-2) 0;
  }
  .avatar {
    display: grid;
    flex: none;
    place-items: center;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_cl-surface-2);
    font-weight: 600;
  }
  h2 {
    margin: var(--_cl-space-4) 0 var(--_cl-space-2);
    font-size: var(--_cl-font-lg);
  }
  h3,
  p {
    margin: 0;
    font-size: inherit;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_cl-space-2);
  }
  .offer {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-3);
    border: 1px solid var(--_line);
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--cl-coupon-dispenser-card-background, var(--_cl-surface));
  }
  .body {
    flex: 1 1 200px;
  }
  .benefit {
    color: var(--_accent);
    font-size: var(--_cl-font-xl);
    font-weight: 600;
  }
  [data-off] {
    border-left-color: var(--_line);
  }
  [data-off] .benefit,
  .meta,
  .state {
    color: var(--_cl-text-2);
  }
  .meta,
  .reason {
    font-size: var(--_cl-font-sm);
  }
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    margin-left: auto;
  }
  .reason {
    color: var(--_cl-warning);
  }
  .state {
    padding: var(--_cl-space-3) 0;
  }
  .error {
    color: var(--_cl-danger);
  }
  .cl-skeleton {
    height: 1em;
    width: 60%;
    margin: 4px 0;
  }
  [aria-hidden] .offer {
    min-height: 112px;
    align-items: flex-start;
    border-left-color: var(--_line);
  }
  .coupons h3 {
    margin-top: var(--_cl-space-3);
  }
  .coupon {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_cl-space-2);
    padding: var(--_cl-space-2) 0;
    border-bottom: 1px solid var(--_line);
  }
  .code {
    font-family: ui-monospace, Menlo, monospace;
    user-select: all;
  }
  dialog p {
    margin-top: var(--_cl-space-1);
  }
  }
`;
