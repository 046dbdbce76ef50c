import { css } from 'lit';
import { panelStyles } from '@clienteling/core/elements.js';

const ownStyles = css`
  :host {
    --_bg: var(--cl-customer-profile-background, var(--_cl-surface));
    --_gap: var(--cl-customer-profile-gap, var(--_cl-space-4));
    --_avatar: var(--cl-customer-profile-avatar-size, 56px);
    --_err: var(--cl-customer-profile-error-color, var(--_cl-danger));
    --_chip: var(--cl-customer-profile-chip-background, var(--_cl-surface-2));
    padding: var(--_cl-space-4);
  }
  h2,
  dl,
  dd {
    margin: 0;
  }
  .profile,
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  /* Header */
  .header {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
  }
  .avatar {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_avatar);
    height: var(--_avatar);
    overflow: hidden;
    border-radius: var(--_cl-radius);
    background: var(--cl-customer-profile-avatar-background, var(--_cl-primary));
    color: var(--cl-customer-profile-avatar-color, var(--_cl-on-primary));
    font-size: var(--_cl-font-xl);
    font-weight: 600;
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .identity {
    min-width: 0;
    flex: 1;
  }
  .name {
    font-size: var(--_cl-font-xl);
    font-weight: 600;
    line-height: 1.35;
  }
  .marker {
    margin-left: var(--_cl-space-1);
    font-size: var(--_cl-font-md);
    font-weight: 400;
    white-space: nowrap;
  }
  .marker.wechat {
    color: var(--cl-customer-profile-wechat-color, var(--_cl-success));
  }
  .marker.company {
    color: var(--cl-customer-profile-company-color, var(--_cl-company));
  }
  .nickname,
  .muted,
  .sub,
  .unset,
  .saving {
    color: var(--_cl-text-2);
  }
  .read-only {
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border-left: 4px solid var(--_cl-border);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
  }

  /* Fields */
  .fields {
    display: flex;
    flex-direction: column;
    border-top: 1px solid var(--_cl-border);
  }
  .row {
    display: grid;
    grid-template-columns: 5.5em 1fr;
    gap: var(--_cl-space-2);
    align-items: start;
    padding: var(--_cl-space-1) 0;
    border-bottom: 1px solid var(--_cl-border);
  }
  .row dt {
    padding-top: calc((var(--_cl-touch) - 1.5em) / 2);
    color: var(--_cl-text-2);
  }
  .value-row {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    min-height: var(--_cl-touch);
  }
  .value {
    flex: 1;
    min-width: 0;
  }
  .phone-number {
    display: block;
    white-space: nowrap;
  }
  .edit {
    flex: none;
    padding: 0 var(--_cl-space-3);
  }
  .editor {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-1) 0;
  }
  input,
  textarea {
    width: 100%;
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
    font-size: var(--_cl-font-lg);
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_err);
  }
  .counter {
    align-self: flex-end;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-variant-numeric: tabular-nums;
  }
  .counter.over,
  .problem,
  .message {
    color: var(--_err);
  }
  .message {
    padding: var(--_cl-space-1) 0;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_cl-space-2);
  }
  .phones {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
  }
  .phone,
  .phones-footer {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
  }
  .phones-footer {
    justify-content: space-between;
  }
  .phones-footer .counter {
    align-self: center;
  }

  /* Sections */
  .section {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
  }
  .heading {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cl-space-2);
  }
  h3 {
    font-size: var(--_cl-font-lg);
    font-weight: 600;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .chip {
    padding: var(--_cl-space-1) var(--_cl-space-3);
    border-radius: 999px;
    background: var(--_chip);
  }
  [part~='rule-tag'] {
    border: 1px dashed var(--_cl-border);
    background: transparent;
  }
  .sub {
    font-size: var(--_cl-font-sm);
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_cl-space-2);
  }
  .stat {
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface-2);
  }
  .stat dt,
  .detail dt {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .stat dd {
    font-size: var(--_cl-font-lg);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .details {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
  }
  .detail {
    display: grid;
    grid-template-columns: 5.5em 1fr;
    gap: var(--_cl-space-2);
    align-items: baseline;
  }
  .dates {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
  }
  .date {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-1) var(--_cl-space-3);
  }
  .date-label {
    font-weight: 600;
  }
  .countdown {
    margin-left: auto;
    padding: 0 var(--_cl-space-2);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .soon .countdown {
    background: var(--_cl-primary);
    color: var(--_cl-on-primary);
  }

  /* Actions */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  a.cl-button {
    text-decoration: none;
  }

  /* Loading */
  .skeleton .line {
    height: 1.2em;
    width: 60%;
  }
  .skeleton .line.short {
    width: 35%;
    margin-top: var(--_cl-space-2);
  }
  .skeleton .block {
    height: calc(4 * var(--_cl-touch));
  }

  /* The tag sheet: a bottom sheet on phones, a dialog on wider screens. */
  .sheet {
    width: 100%;
    max-width: 480px;
    max-height: 85vh;
    margin: auto auto 0;
    padding: var(--_cl-space-4) 0 env(safe-area-inset-bottom, 0px);
    border: 0;
    border-radius: var(--_cl-radius) var(--_cl-radius) 0 0;
    background: var(--_cl-surface);
    color: var(--_cl-text);
  }
  .sheet::backdrop {
    background: var(--cl-customer-profile-backdrop, rgb(0 0 0 / 45%));
  }
  .sheet-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cl-space-2);
    padding: 0 var(--_cl-space-4);
  }
  .sheet-header h2 {
    font-size: var(--_cl-font-lg);
  }
  @media (min-width: 600px) {
    .sheet {
      margin: auto;
      border-radius: var(--_cl-radius);
    }
  }
`;

/** The element's styles after core's panel frame (the block, margins, the note and the error), with more room. */
export const styles = [panelStyles, ownStyles];
