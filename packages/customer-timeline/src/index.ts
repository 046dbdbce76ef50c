// Public exports of @clienteling/customer-timeline (no side effects: import `./define.js` to register).
export {
  CustomerTimeline,
  DRAFT_SAVE_DELAY_MS,
  REFRESH_EVENTS,
  VIRTUALIZE_AFTER,
  type ActivitySelectDetail,
  type NoteAddDetail,
  type NoteDraft,
} from './customer-timeline.js';
export { customerTimelineMessages } from './customer-timeline.messages.js';
export { TIMELINE_FILTERS, TIMELINE_FILTER_NAMES, type TimelineFilter } from './timeline-days.js';
