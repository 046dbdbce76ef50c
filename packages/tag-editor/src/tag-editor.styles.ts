import { css } from 'lit';

export const editorStyles = css`
  :host {
    --_gap: var(--cl-tag-editor-gap, var(--_cl-space-3));
    --_bg: var(--cl-tag-editor-background, var(--_cl-surface));
    --_err: var(--cl-tag-editor-error-color, var(--_cl-danger));
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--_cl-space-3);
    background: var(--_bg);
  }
  p {
    margin: 0;
  }
  /* The offline notice's live region stays in the tree while empty, without a gap of its own. */
  .cl-offline-region:empty {
    margin-bottom: calc(-1 * var(--_gap));
  }
  input {
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
    font-size: var(--_cl-font-lg);
  }
  .note {
    padding: var(--_cl-space-5) 0;
    color: var(--_cl-text-2);
    text-align: center;
  }
  .message,
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-2);
  }
  .message {
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border: 1px solid var(--_err);
    border-radius: var(--_cl-radius);
  }
  [role='alert'] p {
    flex: 1 1 12em;
    margin-bottom: var(--_cl-space-2);
    color: var(--_err);
  }
  .add {
    margin-top: var(--_cl-space-2);
    border-style: dashed;
  }
  .count {
    flex: 1;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-md);
  }
  .rules,
  .bar {
    border-top: 1px solid var(--_cl-border);
    padding-top: var(--_cl-space-2);
  }
  /* Whatever takes focus scrolls clear of the sticky save bar (its height: a touch target and padding). */
  :host([mode='save']) {
    --_bar-clearance: calc(var(--_cl-touch) + var(--_cl-space-4) + env(safe-area-inset-bottom, 0px));
    --cl-tag-picker-scroll-margin-bottom: var(--_bar-clearance);
  }
  :host([mode='save']) :is(button, input, select, textarea) {
    scroll-margin-bottom: var(--_bar-clearance);
  }
  .bar {
    position: sticky;
    bottom: 0;
    z-index: 1;
    padding-bottom: env(safe-area-inset-bottom, 0px);
    background: var(--_bg);
  }
  .cl-skeleton {
    height: var(--_cl-touch);
    margin-bottom: var(--_gap);
  }
  /* A group-name bar over a row of tag-sized placeholders. */
  .sk {
    height: calc(1.5em + 8px + var(--_cl-touch));
    background:
      linear-gradient(var(--_cl-skeleton) 0 1.5em, transparent 0) 0 0 / 96px 100% no-repeat,
      repeating-linear-gradient(90deg, var(--_cl-skeleton) 0 72px, transparent 0 80px) 0 calc(1.5em + 8px) / 100%
        var(--_cl-touch) no-repeat;
  }
`;
