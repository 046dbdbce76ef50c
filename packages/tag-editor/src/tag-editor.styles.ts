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
    padding-bottom: calc(var(--_cl-space-3) + env(safe-area-inset-bottom, 0px));
    background: var(--_bg);
  }
  p {
    margin: 0;
  }
  .search {
    width: 100%;
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
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_cl-space-3);
    padding: var(--_cl-space-5) var(--_cl-space-3);
    color: var(--_cl-text-2);
    text-align: center;
  }
  [part='error'] p,
  .problem {
    color: var(--_err);
  }
  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border: 1px solid var(--_err);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
  }
  .message p {
    flex: 1 1 12em;
    color: var(--_err);
  }
  .add {
    margin-top: var(--_cl-space-2);
    border-style: dashed;
    color: var(--_cl-text-2);
  }
  .create {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-2);
  }
  .create input {
    flex: 1 1 10em;
    min-width: 0;
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
    font-size: var(--_cl-font-lg);
  }
  .create input[aria-invalid='true'] {
    border: 2px solid var(--_err);
  }
  .create p {
    flex-basis: 100%;
    font-size: var(--_cl-font-sm);
  }
  .counter {
    color: var(--_cl-text-2);
  }
  .rules {
    padding-top: var(--_cl-space-3);
    border-top: 1px solid var(--_cl-border);
  }
  h3 {
    margin: 0;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-md);
  }
  .bar {
    position: sticky;
    bottom: 0;
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2) 0 env(safe-area-inset-bottom, 0px);
    border-top: 1px solid var(--_cl-border);
    background: var(--_bg);
  }
  .count {
    flex: 1;
    color: var(--_cl-text-2);
  }
  [part='skeleton'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .sk-group {
    padding: var(--_cl-space-2) 0;
  }
  .sk-label {
    width: 96px;
    height: 1.5em;
    margin-bottom: var(--_cl-space-2);
  }
  .sk-tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .sk-tag {
    width: 64px;
    height: var(--_cl-touch);
    border-radius: 999px;
  }
  .sk-tag:nth-child(3n) {
    width: 88px;
  }
  .sk-tag:nth-child(4n + 1) {
    width: 52px;
  }
`;
