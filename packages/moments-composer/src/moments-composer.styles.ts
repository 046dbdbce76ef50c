import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_accent: var(--cl-moments-composer-accent, var(--_cl-primary));
    --_danger: var(--cl-moments-composer-danger, var(--_cl-danger));
  }
  .box,
  fieldset,
  label,
  .status,
  .preview {
    display: grid;
    gap: var(--_cl-space-2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .box {
    padding: var(--_cl-space-4);
    background: var(--cl-moments-composer-background, var(--_cl-surface));
  }
  h2,
  h3,
  p,
  ul {
    margin: 0;
    font-size: inherit;
  }
  h2,
  legend,
  .name {
    font-weight: 600;
  }
  textarea,
  input:not([type]) {
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: inherit;
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    min-height: 1.5em;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  #count {
    text-align: end;
  }
  [data-over],
  .bad {
    color: var(--_danger);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  [aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .choice {
    display: flex;
    align-items: center;
    min-height: var(--_cl-touch);
  }
  input,
  progress {
    accent-color: var(--_accent);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--_cl-space-1);
    max-width: 360px;
    padding: 0;
    list-style: none;
  }
  .grid img {
    position: relative;
    width: 100%;
    aspect-ratio: 1;
    overflow: hidden;
    background: var(--_cl-surface-2);
    object-fit: cover;
  }
  .more {
    border: 0;
    background: none;
    color: var(--_accent);
  }
  .unreached {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-1) var(--_cl-space-3);
    padding: 0;
    list-style: none;
  }
  .preview {
    padding: var(--_cl-space-3);
    border-radius: var(--_cl-radius);
    background: var(--cl-moments-composer-preview-background, var(--_cl-surface-2));
  }
  .post {
    display: grid;
    grid-template-columns: 40px 1fr;
    gap: var(--_cl-space-2);
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    background: var(--_accent);
    color: var(--_cl-on-primary);
  }
  .company {
    color: var(--cl-moments-composer-company-color, var(--_cl-company));
  }
  .text {
    white-space: pre-wrap;
  }
  [data-folded] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 6;
    overflow: hidden;
  }
  .more {
    min-height: var(--_cl-touch);
    font: inherit;
  }
  .cl-skeleton {
    height: 44px;
  }
  .cl-skeleton[data-line='title'] {
    height: 24px;
  }
  .cl-skeleton[data-line='hint'] {
    height: 20px;
  }
  .cl-skeleton[data-line='text'] {
    height: 128px;
  }
  .cl-skeleton[data-line='media'] {
    height: 132px;
  }
  .grid {
    max-width: 240px;
  }
  .grid[data-layout='1'] {
    grid-template-columns: 180px;
  }
  .grid[data-layout='2'] {
    grid-template-columns: 80px 80px;
  }
  .card {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2);
    background: var(--_cl-surface);
  }
  .card img {
    width: 48px;
  }
  dialog p {
    margin: var(--_cl-space-3) 0;
  }
  dialog {
    max-width: min(92vw, 360px);
    border: 0;
    padding: var(--_cl-space-4);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
  }
  dialog::backdrop {
    background: var(--cl-moments-composer-scrim, rgb(0 0 0 / 0.45));
  }
`;
