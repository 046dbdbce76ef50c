import { defineElement } from '@clienteling/core/elements.js';
import { CustomerTimeline, type ActivitySelectDetail, type NoteAddDetail } from './customer-timeline.js';

defineElement('cl-customer-timeline', CustomerTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-timeline': CustomerTimeline;
  }
  interface HTMLElementEventMap {
    'cl-note-add': CustomEvent<NoteAddDetail>;
    'cl-activity-select': CustomEvent<ActivitySelectDetail>;
  }
}

export { CustomerTimeline };
export type { ActivitySelectDetail, NoteAddDetail };
