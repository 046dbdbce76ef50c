/** English strings every element shares (see messages.ts), loaded the first time an element renders in English. */
import type { CoreMessages } from './messages.js';

const en: CoreMessages = {
  'error.not-found': 'This could not be found. It may have been removed.',
  'error.conflict': 'Someone else changed this at the same time. Refresh and try again.',
  'error.limit-reached': 'A limit has been reached.',
  'error.sold-out': 'None left: this is sold out.',
  'error.expired': 'This is no longer valid.',
  'error.expired.not-started': 'This has not started yet.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.forbidden.customer-unreachable': 'This customer cannot be reached.',
  'error.invalid': 'Some information is not valid. Check and try again.',
  'error.unavailable': 'The service is unavailable. Check the network and try again.',
  'error.unavailable.timeout': 'No answer from the service in time. Check the network and try again.',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.confirm': 'Confirm',
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.noAdapter': 'Not connected: no adapter was given to this element.',
  'common.offline': 'You are offline. What you send or save now may not go through until the network is back.',
  'common.partFailed': 'This part could not load. Check the network and try again.',
  'common.charCount': (length: number, max: number) => `${length}/${max}`,
  'common.charCountLabel': (length: number, max: number) => `${length} of at most ${max} characters`,
  'common.tooLong': (max: number) => `At most ${max} characters.`,
  'host.no-permission': 'This app has no permission for that in WeCom. Ask your administrator.',
  'host.no-context': 'Open this from a chat with a customer to do that.',
  'host.unsupported-version': 'Your WeCom version is too old for that. Please update WeCom.',
  'host.not-capable': 'This is not available here.',
  'host.cancelled': 'Cancelled.',
  'host.failed': 'WeCom could not do that. Try again.',
};

export default en;
