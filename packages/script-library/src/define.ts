import { defineElement } from '@clienteling/core/elements.js';
import { ScriptLibrary, type ScriptChangeDetail, type ScriptUseDetail } from './script-library.js';

defineElement('cl-script-library', ScriptLibrary);

export { ScriptLibrary };
export type { ScriptChangeDetail, ScriptChangeKind, ScriptTab, ScriptUseDetail } from './script-library.js';

declare global {
  interface HTMLElementTagNameMap {
    'cl-script-library': ScriptLibrary;
  }
  interface HTMLElementEventMap {
    'cl-script-use': CustomEvent<ScriptUseDetail>;
    'cl-script-change': CustomEvent<ScriptChangeDetail>;
  }
}
