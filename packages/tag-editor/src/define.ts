import { defineElement } from '@clienteling/core/elements.js';
import './define-tag-picker.js';
import { TagEditor, type TagsChangeDetail } from './tag-editor.js';

defineElement('cl-tag-editor', TagEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cl-tag-editor': TagEditor;
  }
  interface HTMLElementEventMap {
    'cl-tags-change': CustomEvent<TagsChangeDetail>;
  }
}

export { TagEditor };
export { TagPicker } from './define-tag-picker.js';
export type { TagsChangeDetail } from './tag-editor.js';
export type { TagToggleDetail, TagState } from './define-tag-picker.js';
