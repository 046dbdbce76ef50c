// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * A modal `<dialog class="cl-sheet">`: a sheet rising from the bottom of a phone (above the home
 * indicator), centred from 600 px, with its title flush at the top and a row of equal buttons
 * (`<div class="cl-sheet-buttons">`). An element sets `--_sheet-radius` and `--_sheet-backdrop` from
 * its own public custom properties.
 */
export const sheetStyles = css`
  dialog.cl-sheet {
    width: 100%;
    max-width: 480px;
    margin: auto auto 0;
    padding: var(--_cl-space-4) var(--_cl-space-4) calc(var(--_cl-space-4) + env(safe-area-inset-bottom, 0px));
    border: 0;
    border-radius: var(--_sheet-radius, var(--_cl-radius)) var(--_sheet-radius, var(--_cl-radius)) 0 0;
    background: var(--_cl-surface);
    color: var(--_cl-text);
  }
  dialog.cl-sheet::backdrop {
    background: var(--_sheet-backdrop, rgb(0 0 0 / 45%));
  }
  dialog.cl-sheet h2 {
    margin-top: 0;
  }
  .cl-sheet-buttons {
    display: flex;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-4);
  }
  .cl-sheet-buttons button {
    flex: 1;
  }
  @media (min-width: 600px) {
    dialog.cl-sheet {
      margin: auto;
      border-radius: var(--_sheet-radius, var(--_cl-radius));
    }
  }
`;
