import { defineElement } from '@clienteling/core/elements.js';
import { TagPicker, type TagToggleDetail } from './tag-picker.js';

defineElement('cl-tag-picker', TagPicker);

declare global {
  interface HTMLElementTagNameMap {
    'cl-tag-picker': TagPicker;
  }
  interface HTMLElementEventMap {
    'cl-tag-toggle': CustomEvent<TagToggleDetail>;
  }
}

export { TagPicker };
export type { TagToggleDetail, TagState } from './tag-picker.js';
