/** English strings of the script form of `<cl-script-library>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { ScriptFormStrings } from './script-form.messages.js';

const en: Translation<ScriptFormStrings> = {
  'scriptLibrary.addTitle': 'New script',
  'scriptLibrary.editTitle': 'Edit script',
  'scriptLibrary.formCategory': 'Category',
  'scriptLibrary.formTitle': 'Title',
  'scriptLibrary.formText': 'Words',
  'scriptLibrary.insert': 'Insert',
  'scriptLibrary.insertVariable': (what: string) => `Insert the ${what}`,
  'scriptLibrary.unknownVariables': (names: string, known: string) =>
    `${names} cannot be filled in. Variables you can use: ${known}. Remove the braces to keep the words as written.`,
  'scriptLibrary.save': 'Save',
  'scriptLibrary.saving': 'Saving…',
  'scriptLibrary.saved': (title: string) => `Saved: ${title}`,
  'scriptLibrary.notSaved': (reason: string) => `Not saved: ${reason} Save again to retry.`,
};

export default en;
