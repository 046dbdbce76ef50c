/**
 * English strings of the progress of a broadcast of `<cl-broadcast-composer>`, loaded the first time it renders
 * in English.
 */
import type { Translation } from '@clienteling/core/elements.js';
import { plural } from './broadcast-composer.messages.en.js';
import type { BroadcastProgressStrings } from './broadcast-progress.messages.js';

const en: Translation<BroadcastProgressStrings> = {
  'broadcast.awaitingTitle': 'Confirm the send in WeCom',
  'broadcast.awaitingText': (recipients: string) =>
    `WeCom asks you to confirm each mass message: open the message to ${plural(recipients, 'customer')} in WeCom ` +
    'and confirm it there, then tap below.',
  'broadcast.confirmedInClient': 'I confirmed it in WeCom',
  'broadcast.confirming': 'Confirming…',
  'broadcast.progressTitle': 'Broadcast progress',
  'broadcast.state.awaiting-confirmation': 'Waiting for your confirmation in WeCom',
  'broadcast.state.sending': 'Sending…',
  'broadcast.state.done': 'Done',
  'broadcast.progress': (done: string, total: string) => `${done} of ${total} handled`,
  'broadcast.refreshing': 'Updating as it goes.',
  'broadcast.tabs': 'Recipients by status',
  'broadcast.tab.all': 'All',
  'broadcast.tab.sent': 'Sent',
  'broadcast.tab.failed': 'Failed',
  'broadcast.tab.skipped': 'Skipped',
  'broadcast.tab.awaiting-confirmation': 'To confirm',
  'broadcast.tab.pending': 'Queued',
  'broadcast.status.pending': 'Queued',
  'broadcast.status.awaiting-confirmation': 'Awaiting confirmation',
  'broadcast.status.sent': 'Sent',
  'broadcast.status.failed': 'Failed',
  'broadcast.status.skipped': 'Skipped',
  'broadcast.noRecipients': 'No one here.',
  'broadcast.more': 'Show more',
  'broadcast.new': 'New broadcast',
};

export default en;
