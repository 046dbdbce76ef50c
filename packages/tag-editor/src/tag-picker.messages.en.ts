/** English strings of `<cl-tag-picker>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { TagPickerStrings } from './tag-picker.messages.js';

const en: Translation<TagPickerStrings> = {
  'tagPicker.single': 'Choose one',
  'tagPicker.multiple': 'Choose any',
  'tagPicker.rule': 'Set by rules, read-only',
  'tagPicker.pending': 'not saved yet',
  'tagPicker.error': 'change failed',
  'tagPicker.empty': 'No tags yet.',
  'tagPicker.noMatch': (query: string) => `No tags match “${query}”.`,
  'tagPicker.matches': (count: number) => (count === 1 ? '1 tag found' : `${count} tags found`),
  'tagPicker.expand': (hidden: number) => `Show all (${hidden} more)`,
  'tagPicker.fold': 'Show fewer',
};

export default en;
