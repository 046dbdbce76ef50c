import { defineElement } from '@clienteling/core/elements.js';
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
