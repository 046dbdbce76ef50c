/** English strings of the outcome of a publication, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import { plural } from './moments-composer.messages.en.js';
import type { PublishOutcomeStrings } from './publish-outcome.messages.js';

const en: Translation<PublishOutcomeStrings> = {
  'momentsComposer.published': 'Published.',
  'momentsComposer.unreached': (count: number) => `${plural(count, 'customer')} could not be reached.`,
  'momentsComposer.unreachedShow': 'Show who',
  'momentsComposer.unreachedHide': 'Hide the list',
  'momentsComposer.unreachedMore': (count: number) => `and ${plural(count, 'other')}`,
  'momentsComposer.failed': 'Not published.',
  'momentsComposer.again': 'Edit and retry',
  'momentsComposer.new': 'New post',
};

export default en;
