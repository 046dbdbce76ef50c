import { css } from 'lit';

// With panelStyles, tabStyles, listStyles, emptyStyles and inlineFormStyles from core (the frame, the
// tabs' look, the list's states, the form).
export const styles = css`
  :host {
    --_bg: var(--cl-task-list-background, var(--_cl-surface));
    --_gap: var(--cl-task-list-gap, var(--_cl-space-2));
    --_task-bg: var(--cl-task-list-task-background, var(--_cl-surface));
    --_overdue: var(--cl-task-list-overdue-color, var(--_cl-danger));
    --_reason: var(--cl-task-list-reason-color, var(--_cl-text));
    --_tab: var(--cl-task-list-tab-color, var(--_cl-primary));
  }

  /* Tabs (the look in tabStyles): equal widths, each with its count */
  .tabs {
    margin-bottom: var(--_cl-space-3);
  }
  .tab {
    flex: 1;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_cl-space-1);
    padding: 0 var(--_cl-space-2);
  }
  .tab:focus-visible,
  .cl-button:focus-visible,
  .undo-button:focus-visible {
    outline: 2px solid var(--_cl-focus);
    outline-offset: 2px;
  }
  .count {
    min-width: 1.5em;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_cl-surface-2);
    color: var(--_cl-text);
    font-size: var(--_cl-font-sm);
    font-weight: 600;
    line-height: 1.6;
  }
  .tab[aria-selected='true'] .count {
    background: var(--_tab);
    color: var(--_cl-on-primary);
  }

  /* Tasks */
  .task {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-left: 4px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_task-bg);
  }
  .task.overdue {
    border-left-color: var(--_overdue);
  }
  .task[aria-busy='true'] {
    opacity: 0.7;
  }
  .task-main {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .customer {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .reason {
    color: var(--_reason);
    overflow-wrap: anywhere;
    line-break: strict;
    text-wrap: pretty;
  }
  .when {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-2);
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .overdue-mark {
    padding: 0 6px;
    border: 1px solid var(--_overdue);
    border-radius: var(--_cl-radius-sm);
    color: var(--_overdue);
    font-weight: 600;
  }
  /* The action takes the room the three small buttons leave (its words wrap before they do). */
  .buttons {
    display: flex;
    gap: var(--_cl-space-2);
  }
  .buttons .cl-button {
    flex: none;
    padding: 0 var(--_cl-space-2);
    text-decoration: none;
  }
  .buttons [part~='action'] {
    flex: 1 1 auto;
    min-width: 0;
    text-align: center;
    line-height: 1.2;
  }
  .snooze-options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface-2);
  }
  .snooze-options .cl-button {
    flex: 1 1 0;
    flex-direction: column;
    gap: 0;
    padding: var(--_cl-space-1) var(--_cl-space-2);
  }
  .snooze-options small {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .skeleton-task .line {
    height: 14px;
    width: 60%;
  }
  .skeleton-task .line.short {
    width: 85%;
  }

  /* Empty (the rest in emptyStyles) */
  .empty-title {
    color: var(--_cl-success);
  }

  /* Adding a task (the rest in inlineFormStyles) */
  .muted {
    color: var(--_cl-text-2);
  }
  .matches {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-1);
  }
  .match {
    width: 100%;
    justify-content: flex-start;
  }
  .match small {
    color: var(--_cl-text-2);
  }
  .picked {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cl-space-2);
  }

  /* Undo */
  .undo-message {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
  }
  .undo-button {
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-2);
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
`;
