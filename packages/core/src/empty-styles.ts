// In a module of its own: a tagged `css` template is kept by bundlers wherever its module is, so only the
// elements that import it pay for it.
import { css } from 'lit';

/**
 * The empty state (`renderEmpty` in `list-states.ts`): `.empty` centred with room around it, a bold
 * `.empty-title` and a secondary `.empty-hint` that wraps evenly.
 */
export const emptyStyles = css`
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
