import { defineElement } from '@clienteling/core/elements.js';
// The audience picker is the tag editor's <cl-tag-picker> (shared, not written twice).
import '@clienteling/tag-editor/tag-picker.js';
import { BroadcastComposer, type BroadcastCreatedDetail, type BroadcastDoneDetail } from './broadcast-composer.js';

defineElement('cl-broadcast-composer', BroadcastComposer);

declare global {
  interface HTMLElementTagNameMap {
    'cl-broadcast-composer': BroadcastComposer;
  }
  interface HTMLElementEventMap {
    'cl-broadcast-created': CustomEvent<BroadcastCreatedDetail>;
    'cl-broadcast-done': CustomEvent<BroadcastDoneDetail>;
  }
}

export { BroadcastComposer };
export type { BroadcastCreatedDetail, BroadcastDoneDetail };
