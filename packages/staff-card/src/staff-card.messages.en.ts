/** English strings of `<cl-staff-card>`, loaded the first time it renders in English. */
import type { Translation } from '@clienteling/core/elements.js';
import type { StaffCardStrings } from './staff-card.messages.js';

const en: Translation<StaffCardStrings> = {
  'staffCard.verified': 'Verified',
  'staffCard.phone': 'Phone',
  'staffCard.store': 'Store',
  'staffCard.newWindow': '(new window)',
  'staffCard.miniprogram': '(mini-program)',
  'staffCard.call': 'Call',
  'staffCard.copy': 'Copy number',
  'staffCard.copied': 'Number copied',
  'staffCard.copyFailed': 'Copy failed: press and hold the number.',
  'staffCard.add': 'Add me on WeCom',
  'staffCard.qrLabel': (name: string) => `QR code to add ${name} on WeCom`,
  'staffCard.qrCaption': 'Scan with WeChat to add me',
  'staffCard.qrFailed': 'QR code unavailable',
  'staffCard.qrLoadFailed': (reason: string) => `The add-me code could not be loaded. ${reason}`,
  'error.not-found': 'Associate not found. They may have left.',
  'error.invalid': 'This card has invalid information.',
};

export default en;
