// Public exports of @clienteling/broadcast-composer (no side effects: import `./define.js` to register).
export {
  BroadcastComposer,
  DEFAULT_REFRESH_INTERVAL,
  RECIPIENT_TABS,
  type AudienceChoice,
  type BroadcastComposerContent,
  type BroadcastComposerDraft,
  type BroadcastCreatedDetail,
  type BroadcastDoneDetail,
  type DraftCard,
} from './broadcast-composer.js';
export { broadcastComposerMessages } from './broadcast-composer.messages.js';
// The strings of the confirmation and of the progress load with them (keys and arguments, for `setMessages`).
export type { SendConfirmStrings } from './send-confirm.messages.js';
export type { BroadcastProgressStrings } from './broadcast-progress.messages.js';
