/** English strings of `<cl-tag-editor>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { TagEditorStrings } from './tag-editor.messages.js';

const en: Translation<TagEditorStrings> = {
  'tagEditor.label': (customer: string) => `Tags of ${customer}`,
  'tagEditor.search': 'Search tags',
  'tagEditor.rules': 'Set by rules',
  'tagEditor.noCustomer': 'Choose a customer first.',
  'tagEditor.noTags': 'No tags to show.',
  'tagEditor.newTag': 'New tag',
  'tagEditor.newTagIn': (group: string) => `New tag in ${group}`,
  'tagEditor.failed': (tag: string, reason: string) => `Could not change “${tag}”: ${reason}`,
  'tagEditor.kept': 'Other changes are kept.',
  'tagEditor.saveFailed': (reason: string) => `Not saved: ${reason}`,
  'tagEditor.unsaved': (count: number) => (count === 1 ? '1 unsaved change' : `${count} unsaved changes`),
  'tagEditor.save': 'Save',
  'tagEditor.discard': 'Discard',
  'tagEditor.saved': 'Saved.',
  'tagEditor.added': (tag: string) => `Added “${tag}”`,
  'tagEditor.removed': (tag: string) => `Removed “${tag}”`,
  'tagEditor.created': (tag: string) => `Created the tag “${tag}”`,
};

export default en;
