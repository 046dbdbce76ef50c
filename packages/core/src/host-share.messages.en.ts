/** English strings of `<cl-host-share>`, loaded the first time it renders in English. */
import type { Translation } from './catalogs.js';
import type { HostShareStrings } from './host-share.js';

const en: Translation<HostShareStrings> = {
  'hostShare.chat': 'Send to chat',
  'hostShare.moments': 'Share through WeCom',
  'hostShare.sent': 'Sent.',
  'hostShare.shared': 'Shared.',
};

export default en;
