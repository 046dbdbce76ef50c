/** English strings of the create-tag form , loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { TagCreateStrings } from './tag-create.js';

const en: Translation<TagCreateStrings> = {
  'tagEditor.newTag': 'New tag',
  'tagEditor.newTagIn': (group: string) => `New tag in ${group}`,
  'tagEditor.add': 'Add',
  'tagEditor.problem.empty': () => 'Enter a name for the tag.',
  'tagEditor.problem.too-long': (max: number) => `A tag name can have at most ${max} characters.`,
  'tagEditor.problem.duplicate': () => 'This group already has a tag with this name.',
};

export default en;
