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
