// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * A form that opens in place under a full-width add button (`.add-area` holding `.add` and `.form`): a
 * bordered column with a heading, bold labels, fields as tall as a touch target (also a search row's
 * `.search input`), invalid fields in the danger colour, a character counter (`.counter`, `.over` past
 * the limit), problems (`.problem`) and the Cancel / Save row (`.form-buttons`).
 */
export const inlineFormStyles = css`
  .search input,
  .form input,
  .form select,
  .form textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
  }
  .add-area {
    margin-bottom: var(--_cl-space-3);
  }
  .add {
    width: 100%;
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-2);
    padding: var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
  }
  .form h3 {
    font-size: var(--_cl-font-md);
  }
  .form label {
    font-weight: 600;
  }
  .form textarea {
    resize: vertical;
  }
  .form [aria-invalid='true'] {
    border-color: var(--_cl-danger);
  }
  .counter {
    align-self: flex-end;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .counter.over,
  .problem {
    color: var(--_cl-danger);
  }
  .form-buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_cl-space-2);
  }
`;
