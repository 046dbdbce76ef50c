/**
 * English strings of the send confirmation of `<cl-broadcast-composer>`, loaded the first time it renders
 * in English.
 */
import type { Translation } from '@clienteling/core/elements.js';
import { plural } from './broadcast-composer.messages.en.js';
import type { SendConfirmStrings } from './send-confirm.messages.js';

const en: Translation<SendConfirmStrings> = {
  'broadcast.confirmTitle': 'Send this broadcast?',
  'broadcast.confirmBody': (recipients: string) => `It goes to ${plural(recipients, 'customer')}.`,
  'broadcast.confirmNext': 'Next, confirm the send in WeCom: each mass message is confirmed in the client.',
  'broadcast.confirm': 'Send',
  'broadcast.creating': 'Sending…',
  'broadcast.unconfirmedTitle': 'Not sure it went through',
  'broadcast.retryHint': 'Retry sends the same broadcast: it is never created twice.',
};

export default en;
