// Public exports of @clienteling/moments-composer (no side effects: import `./define.js` to register).
export { MomentsComposer, type MomentPublishDetail, type MomentPublishedDetail } from './moments-composer.js';
export { messages as momentsComposerMessages } from './moments-composer.messages.js';
// The publication outcome's strings load with it (keys and arguments, for `setMessages`).
export type { PublishOutcomeStrings } from './publish-outcome.messages.js';
export {
  DRAFT_DB,
  audienceOf,
  draftStore,
  type AttachmentKind,
  type ComposerDraft,
  type DraftMedia,
  type DraftStore,
} from './draft-store.js';
// The attachment editor shared with <cl-broadcast-composer> (also at `@clienteling/moments-composer/attachments.js`).
export {
  AttachmentsController,
  attachmentStyles,
  attachmentsMessages,
  type AttachmentsOptions,
  type CardKind,
  type FileRules,
} from './attachments.js';
