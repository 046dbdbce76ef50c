import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_bg: var(--cl-moments-composer-background, var(--_cl-surface));
    --_accent: var(--cl-moments-composer-accent, var(--_cl-primary));
    --_danger: var(--cl-moments-composer-danger, var(--_cl-danger));
  }
  .box {
    display: grid;
    gap: var(--_cl-space-3);
    padding: var(--_cl-space-4);
    background: var(--_bg);
    border-radius: var(--_cl-radius);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: var(--_cl-font-xl);
  }
  h3 {
    font-size: var(--_cl-font-lg);
  }
  fieldset {
    display: grid;
    gap: var(--_cl-space-2);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_cl-space-1);
    font-weight: 600;
  }
  textarea,
  input:not([type]) {
    width: 100%;
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2) var(--_cl-space-3);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    min-height: 1.5em;
  }
  .end {
    text-align: end;
    justify-content: flex-end;
  }
  [data-over],
  .bad {
    color: var(--_danger);
  }
  .ok {
    color: var(--_cl-success);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .kind[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: var(--_cl-space-1);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    min-height: var(--_cl-touch);
  }
  .choice input {
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .thumbs,
  .grid {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--_cl-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .thumb,
  .add {
    position: relative;
    aspect-ratio: 1;
    width: 100%;
    border-radius: var(--_cl-radius-sm);
    overflow: hidden;
    background: var(--_cl-surface-2);
  }
  .add {
    padding: var(--_cl-space-2);
    border-style: dashed;
  }
  .thumb img,
  .thumb video,
  .grid img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .thumb progress {
    position: absolute;
    inset: auto 4px 4px;
    width: calc(100% - 8px);
    accent-color: var(--_accent);
  }
  .remove {
    position: absolute;
    top: 0;
    right: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_cl-text);
    font-size: var(--_cl-font-xl);
    text-shadow: 0 0 3px var(--_cl-surface);
  }
  .failed {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    gap: var(--_cl-space-1);
    background: var(--_cl-surface);
    color: var(--_danger);
    text-align: center;
    font-size: var(--_cl-font-sm);
  }
  .preview {
    display: grid;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-3);
    border-radius: var(--_cl-radius);
    background: var(--cl-moments-composer-preview-background, var(--_cl-surface-2));
  }
  .post {
    display: grid;
    grid-template-columns: 40px 1fr;
    gap: var(--_cl-space-3);
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    border-radius: var(--_cl-radius-sm);
    background: var(--_accent);
    color: var(--_cl-on-primary);
    object-fit: cover;
  }
  .name {
    font-weight: 600;
  }
  .company {
    margin-inline-start: 2px;
    color: var(--cl-moments-composer-company-color, var(--_cl-company));
  }
  .text {
    white-space: pre-wrap;
  }
  .text[data-folded] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 6;
    overflow: hidden;
  }
  .more {
    min-height: var(--_cl-touch);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
    justify-self: start;
  }
  .grid {
    max-width: 240px;
    margin-top: var(--_cl-space-2);
  }
  .grid[data-layout='1'] {
    grid-template-columns: 1fr;
    max-width: 180px;
  }
  .grid[data-layout='2'] {
    grid-template-columns: repeat(2, 1fr);
    max-width: 160px;
  }
  .grid img {
    aspect-ratio: 1;
  }
  .card {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-2);
    padding: var(--_cl-space-2);
    background: var(--_cl-surface);
    border-radius: var(--_cl-radius-sm);
  }
  .card img {
    width: 48px;
    height: 48px;
    object-fit: cover;
  }
  .mp {
    display: grid;
    justify-items: start;
  }
  .mp img {
    width: 100%;
    height: auto;
    aspect-ratio: 5 / 4;
  }
  .status {
    display: grid;
    gap: var(--_cl-space-2);
  }
  .status:empty {
    display: none;
  }
  .publish {
    width: 100%;
  }
  dialog {
    max-width: min(92vw, 360px);
    border: 0;
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    display: grid;
    gap: var(--_cl-space-3);
  }
  dialog:not([open]) {
    display: none;
  }
  dialog::backdrop {
    background: var(--cl-moments-composer-scrim, rgb(0 0 0 / 0.45));
  }
`;
