import { css } from 'lit';

// With panelStyles, tabStyles, listStyles, emptyStyles and inlineFormStyles from core (the frame, the
// tabs' look, the list's states, the form).
export const styles = css`
  :host {
    --_bg: var(--cl-script-library-background, var(--_cl-surface));
    --_gap: var(--cl-script-library-gap, var(--_cl-space-2));
    --_script-bg: var(--cl-script-library-script-background, var(--_cl-surface));
    --_tab: var(--cl-script-library-tab-color, var(--_cl-primary));
    --_unfilled-bg: var(--cl-script-library-unfilled-background, var(--_cl-surface-2));
  }
  .tab:focus-visible,
  .cl-button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--_cl-focus);
    outline-offset: 2px;
  }

  /* Tabs (the look in tabStyles): one row that scrolls sideways when the categories are many. */
  .tabs {
    margin: var(--_cl-space-2) 0 var(--_cl-space-3);
    overflow-x: auto;
    scrollbar-width: none;
  }
  .tab {
    flex: none;
    padding: 0 var(--_cl-space-3);
    white-space: nowrap;
  }

  /* Scripts */
  .script {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_script-bg);
    min-width: 0;
  }
  .script[aria-busy='true'] {
    opacity: 0.7;
  }
  .script-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_cl-space-2);
  }
  .title {
    font-size: var(--_cl-font-md);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_cl-space-1);
    flex: none;
    max-width: 50%;
  }
  .badge {
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_cl-surface-2);
    color: var(--_cl-text);
    font-size: var(--_cl-font-sm);
    line-height: 1.8;
    white-space: nowrap;
  }
  .badge.own {
    box-shadow: inset 0 0 0 1px var(--_tab);
  }
  .preview {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-break: strict;
    line-height: 1.6;
  }
  .filled {
    font-weight: 600;
  }
  .unfilled {
    padding: 0 2px;
    border: 1px dashed var(--_cl-warning);
    border-radius: var(--_cl-radius-sm);
    background: var(--_unfilled-bg);
    color: var(--_cl-text);
  }
  .unfilled-note,
  .usage,
  .card-kind {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-1);
    padding: var(--_cl-space-2);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
    overflow-wrap: anywhere;
  }
  .link-card {
    flex-direction: row;
    align-items: center;
    justify-content: space-between;
  }
  .card-text {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .card img {
    display: block;
    max-width: 100%;
    max-height: 160px;
    object-fit: cover;
    border-radius: var(--_cl-radius-sm);
  }
  .link-card img {
    width: 56px;
    height: 56px;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .actions .cl-button {
    padding: 0 var(--_cl-space-3);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
  }
  .confirm p {
    flex: 1 1 100%;
    overflow-wrap: anywhere;
  }
  .skeleton-script .line {
    height: 14px;
    width: 90%;
  }
  .skeleton-script .line.short {
    width: 40%;
  }

  /* Empty (the rest in emptyStyles) */
  .empty-title {
    overflow-wrap: anywhere;
  }

  /* The form of an own script (the rest in inlineFormStyles) */
  .problem {
    overflow-wrap: anywhere;
  }
  .insert {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .insert-button {
    padding: 0 var(--_cl-space-2);
  }
`;
