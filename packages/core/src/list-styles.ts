// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * A paged list of cards (`renderListState` in `list-states.ts`): `.list` a column spaced by the element's
 * `--_gap`, and the "show more" button (`.more`) with its failure above it (`.more-error`). The element
 * styles its rows and skeleton rows; the empty state is `emptyStyles`.
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
`;
