import { css } from 'lit';

export const styles = css`
  :host {
    --_row: var(--cl-group-member-list-row-height, 64px);
    --_avatar: var(--cl-group-member-list-avatar-size, 40px);
    --_bg: var(--cl-group-member-list-background, var(--_cl-surface));
    --_divider: var(--cl-group-member-list-divider-color, var(--_cl-border));
    --_company: var(--cl-group-member-list-company-color, var(--_cl-company));
    --_badge-bg: var(--cl-group-member-list-badge-background, var(--_cl-surface-2));
    --_top: var(--cl-group-member-list-sticky-top, 0px);
    display: block;
    background: var(--_bg);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-1) var(--_cl-space-3);
    padding: var(--_cl-space-3) var(--_cl-space-4);
    min-height: 76px;
  }
  .heading {
    flex: 1 1 12em;
    min-width: 0;
  }
  h2 {
    display: flex;
    align-items: baseline;
    gap: var(--_cl-space-2);
    margin: 0;
    font-size: var(--_cl-font-lg);
    font-weight: 600;
  }
  .count {
    flex: none;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-md);
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .owner,
  .reason {
    margin: 0;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .reason {
    flex-basis: 100%;
    color: var(--_cl-warning);
  }
  .full {
    flex: none;
    padding: 0 var(--_cl-space-2);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-warning);
    color: var(--_cl-surface);
    font-size: var(--_cl-font-sm);
  }
  .toolbar {
    position: sticky;
    top: var(--_top);
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2) var(--_cl-space-4);
    background: var(--_bg);
    border-bottom: 1px solid var(--_divider);
  }
  input[type='search'],
  select {
    min-height: var(--_cl-touch);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: inherit;
    font: inherit;
  }
  input[type='search'] {
    flex: 1 1 100%;
    width: 100%;
    padding: 0 var(--_cl-space-3);
    font-size: var(--_cl-font-lg);
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-1);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .chip {
    position: relative;
    display: inline-flex;
  }
  .chip input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
  }
  .chip span {
    display: inline-flex;
    align-items: center;
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: 999px;
    cursor: pointer;
  }
  .chip input:checked + span {
    border-color: var(--_cl-primary);
    background: var(--_cl-primary);
    color: var(--_cl-on-primary);
  }
  .chip input:focus-visible + span {
    outline: 2px solid var(--_cl-focus);
    outline-offset: 2px;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_cl-space-1);
    margin-inline-start: auto;
    color: var(--_cl-text-2);
  }
  select {
    padding: 0 var(--_cl-space-2);
    color: var(--_cl-text);
  }
  .selection {
    display: flex;
    flex-basis: 100%;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cl-space-2);
  }
  .list {
    display: block;
    margin: 0;
    padding: 0;
  }
  .list[aria-busy='true'] {
    opacity: 0.6;
  }
  .row {
    display: flex;
    align-items: center;
    width: 100%;
    height: var(--_row);
    padding: 0 var(--_cl-space-2) 0 var(--_cl-space-4);
    border-bottom: 1px solid var(--_divider);
    background: var(--_bg);
    line-height: 1.3;
  }
  .main {
    display: flex;
    flex: 1;
    align-items: center;
    gap: var(--_cl-space-3);
    min-width: 0;
    height: 100%;
  }
  label.main {
    cursor: pointer;
  }
  .check {
    flex: none;
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_cl-primary);
  }
  .avatar {
    position: relative;
    display: grid;
    flex: none;
    place-items: center;
    width: var(--_avatar);
    height: var(--_avatar);
    overflow: hidden;
    border-radius: var(--_cl-radius);
    background: var(--_badge-bg);
    color: var(--_cl-text-2);
    font-weight: 600;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .text {
    flex: 1;
    min-width: 0;
  }
  .line {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-1);
    min-width: 0;
    white-space: nowrap;
  }
  .name,
  .real,
  .meta {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .name {
    flex: 0 1 auto;
    font-size: var(--_cl-font-lg);
  }
  .real {
    flex: 0 100 auto;
    color: var(--_cl-text-2);
  }
  .badge,
  .role {
    flex: none;
    padding: 0 var(--_cl-space-1);
    border-radius: var(--_cl-radius-sm);
    background: var(--_badge-bg);
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .badge[data-type='staff'] {
    background: none;
    color: var(--_company);
    padding: 0;
  }
  .role {
    border: 1px solid var(--_cl-primary);
    background: none;
    color: var(--_cl-primary);
  }
  .meta {
    margin-top: 2px;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .remove {
    flex: none;
    padding: 0 var(--_cl-space-3);
    border-color: transparent;
    background: none;
  }
  .skeleton .avatar,
  .skeleton .bar {
    background: var(--_cl-skeleton);
  }
  .bar {
    display: block;
    height: 12px;
    margin: 6px 0;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_cl-space-3);
    padding: var(--_cl-space-5) var(--_cl-space-4);
    color: var(--_cl-text-2);
    text-align: center;
  }
  .state p {
    margin: 0;
  }
  .state.error {
    color: var(--_cl-danger);
  }
  .sentinel {
    height: 1px;
  }
  dialog {
    width: min(90vw, 360px);
    padding: var(--_cl-space-4);
    border: 0;
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
  }
  dialog::backdrop {
    background: var(--cl-group-member-list-scrim, rgb(0 0 0 / 0.45));
  }
  dialog h3 {
    margin: 0 0 var(--_cl-space-2);
    font-size: var(--_cl-font-lg);
  }
  dialog p {
    margin: 0 0 var(--_cl-space-3);
  }
  dialog .problem {
    color: var(--_cl-danger);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_cl-space-2);
  }
`;
