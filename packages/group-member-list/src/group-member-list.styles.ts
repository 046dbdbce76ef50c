import { css } from 'lit';

export const styles = css`
  :host {
    --_row: var(--cl-group-member-list-row-height, 64px);
    --_avatar: var(--cl-group-member-list-avatar-size, 40px);
    --_bg: var(--cl-group-member-list-background, var(--_cl-surface));
    --_line: 1px solid var(--cl-group-member-list-divider-color, var(--_cl-border));
    --_badge: var(--cl-group-member-list-badge-background, var(--_cl-surface-2));
    display: block;
    background: var(--_bg);
  }
  .header,
  .header-actions,
  .toolbar,
  .selection,
  .line,
  .row,
  .main,
  .actions {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
  }
  .header,
  .toolbar {
    flex-wrap: wrap;
    padding: var(--_cl-space-2) var(--_cl-space-4);
  }
  .header {
    min-height: 76px;
  }
  .heading {
    flex: 1 1 12em;
  }
  h2 {
    margin: 0;
    font-size: var(--_cl-font-lg);
  }
  .count {
    color: var(--_cl-text-2);
    font-weight: 400;
  }
  .heading p,
  .reason,
  .meta,
  .real,
  .choice {
    margin: 0;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .reason {
    flex-basis: 100%;
    color: var(--_cl-warning);
  }
  .full {
    padding: 0 var(--_cl-space-1);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-warning);
    color: var(--_cl-surface);
    font-size: var(--_cl-font-sm);
  }
  .toolbar {
    position: sticky;
    top: var(--cl-group-member-list-sticky-top, 0);
    z-index: 1;
    background: var(--_bg);
    border-bottom: var(--_line);
  }
  input,
  select {
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-2);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
  }
  input {
    width: 100%;
    font-size: var(--_cl-font-lg);
  }
  .choice {
    flex: 1;
  }
  .selection {
    flex-basis: 100%;
    justify-content: space-between;
  }
  .row {
    width: 100%;
    height: var(--_row);
    padding: 0 var(--_cl-space-2) 0 var(--_cl-space-4);
    border-bottom: var(--_line);
    background: var(--_bg);
    line-height: 1.3;
  }
  .text,
  .name,
  .real,
  .meta {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* A block, not a flex line: text-overflow puts its ellipsis only at the end of a block's own text. */
  .meta {
    display: block;
  }
  .main {
    flex: 1;
    min-width: 0;
    height: 100%;
  }
  .check {
    width: 20px;
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
    background: var(--_badge);
    font-weight: 600;
  }
  img {
    position: absolute;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .name,
  .real {
    flex: 0 1 auto;
  }
  .name {
    font-size: var(--_cl-font-lg);
  }
  .badge,
  .role {
    padding: 0 var(--_cl-space-1);
    border-radius: var(--_cl-radius-sm);
    background: var(--_badge);
    font-size: var(--_cl-font-sm);
  }
  .badge[data-type='staff'] {
    background: none;
    color: var(--cl-group-member-list-company-color, var(--_cl-company));
  }
  .role {
    border: 1px solid;
    background: none;
    color: var(--_cl-primary);
  }
  .remove {
    border-color: transparent;
  }
  .bar {
    display: block;
    width: 40%;
    height: 12px;
    margin: 6px 0;
  }
  .bar + .bar {
    width: 65%;
  }
  .state {
    padding: var(--_cl-space-5) var(--_cl-space-4);
    color: var(--_cl-text-2);
    text-align: center;
  }
  .error,
  .problem {
    color: var(--_cl-danger);
  }
  dialog {
    width: 90%;
    max-width: 360px;
    border: 0;
    border-radius: var(--_cl-radius);
    background: var(--_bg);
    color: inherit;
  }
  dialog::backdrop {
    background: var(--cl-group-member-list-scrim, rgb(0 0 0 / 0.45));
  }
  h3 {
    margin: 0;
  }
  .actions {
    justify-content: flex-end;
  }
`;
