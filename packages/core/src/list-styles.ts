// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * A paged list of cards (`renderListState` in `list-states.ts`): `.list` a column spaced by the element's
 * `--_gap`, the "show more" button (`.more`) with its failure above it (`.more-error`), and the empty
 * state (`.empty` with `.empty-title` and `.empty-hint`). The element styles its rows and skeleton rows.
 */
export const listStyles = css`
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .more {
    width: 100%;
    margin-top: var(--_cl-space-3);
  }
  .more-error {
    margin-top: var(--_cl-space-3);
    color: var(--_cl-danger);
    text-align: center;
  }
  .empty {
    padding: var(--_cl-space-5) var(--_cl-space-3);
    text-align: center;
  }
  .empty-title {
    font-size: var(--_cl-font-lg);
    font-weight: 600;
  }
  .empty-hint {
    margin-top: var(--_cl-space-2);
    text-wrap: pretty;
    color: var(--_cl-text-2);
  }
`;
