import { css } from 'lit';

/**
 * The styles of the shared attachment editor (thumbnails, upload progress and failures, the add
 * button, the hints). They use the host's `--_accent` and `--_danger` colours.
 */
export const attachmentStyles = css`
  .thumbs {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--_cl-space-1);
    max-width: 360px;
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .thumb,
  .add,
  .thumb > img,
  .thumb > video {
    position: relative;
    width: 100%;
    aspect-ratio: 1;
    overflow: hidden;
    background: var(--_cl-surface-2);
    object-fit: cover;
  }
  .thumb {
    -webkit-touch-callout: none;
    -webkit-user-select: none;
    user-select: none;
  }
  .thumb[data-dragging] {
    outline: 2px solid var(--_accent);
    opacity: 0.75;
  }
  .touch-hint {
    display: none;
  }
  @media (hover: none) and (pointer: coarse) {
    .pointer-hint {
      display: none;
    }
    .touch-hint {
      display: inline;
    }
  }
  .thumb progress {
    position: absolute;
    inset: auto 0 0;
    width: 100%;
    accent-color: var(--_accent);
  }
  .remove,
  .retry {
    position: absolute;
    top: 0;
    z-index: 1;
    padding: 0 var(--_cl-space-1);
    border: 0;
    background: none;
  }
  .remove {
    right: 0;
    color: var(--_cl-text);
    text-shadow: 0 0 3px var(--_cl-surface);
  }
  .retry {
    left: 0;
    color: var(--_accent);
    font-size: var(--_cl-font-sm);
  }
  /* A failed upload covers its tile: the failure in the middle, the buttons in the top corners. */
  .failed {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    padding: 0 var(--_cl-space-1);
    border: 1px dashed var(--_danger);
    background: var(--_cl-surface);
    color: var(--_danger);
    font-size: var(--_cl-font-sm);
    text-align: center;
  }
  .notices:empty {
    display: none;
  }
`;
