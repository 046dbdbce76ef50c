// Public exports of @clienteling/script-library, free of side effects: import './define.js' to
// register `<cl-script-library>`.
export {
  SEARCH_DELAY,
  ScriptLibrary,
  type ScriptChangeDetail,
  type ScriptChangeKind,
  type ScriptTab,
  type ScriptUseDetail,
} from './script-library.js';
export { scriptLibraryMessages, type ScriptLibraryMessages } from './script-library.messages.js';
// The form's strings load with it (keys and arguments, for `setMessages`).
export type { ScriptFormStrings } from './script-form.messages.js';
export {
  broadcastContentOf,
  chatMessageOf,
  copyTextOf,
  previewPieces,
  unfilledVariables,
  type PreviewPiece,
} from './script-parts.js';
