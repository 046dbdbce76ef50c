/**
 * The platform's fixed limits and the default policy, free of zod so that elements can use them
 * without loading the schemas (validation loads on the first adapter call).
 */
import { CONTACT_STATE_MAX_LENGTH } from './contact-state.js';
import { DEFAULT_TIME_ZONE } from './default-time-zone.js';
import type { Policy } from './schemas.js';

export { DEFAULT_TIME_ZONE };

/** Hard limits of the platform that never vary per company (DESIGN.md 2a). */
export const LIMITS = {
  nameMaxLength: 30,
  momentTextMaxLength: 2000,
  momentImagesMax: 9,
  mediaMaxBytes: 10 * 1024 * 1024,
  videoMaxDurationMs: 30_000,
  linkTitleMaxBytes: 64,
  couponValidityMaxDays: 90,
  /** Customers per platform transfer request: an adapter splits a larger transfer into batches. */
  transferBatchMax: 100,
  /** Customers one preview or transfer may name (`customerIds`); `allCustomers` has no such bound. */
  transferSelectionMax: 1000,
  /** Groups one preview or transfer may name. */
  transferGroupsMax: 100,
  /** Tags one customer search (or a transfer's filtered select-all) filters by. */
  searchTagsMax: 50,
  /** What an on-job transfer tells the customers (转接提示语). */
  transferMessageMaxLength: 200,
  /** On-job: a customer may be transferred at most `onJobTransfersMax` times in `onJobTransferWindowDays` days. */
  onJobTransfersMax: 2,
  onJobTransferWindowDays: 90,
  /** On-job: the takeover completes this many hours after the request unless the customer refuses. */
  takeoverHours: 24,
  pageSizeMax: 500,
  /** A customer's remark name, as the associate sees it (备注名). */
  remarkMaxLength: 20,
  /** A customer's description (描述). */
  descriptionMaxLength: 150,
  /** The company a customer works for, as the associate noted it (备注企业). */
  remarkCompanyMaxLength: 20,
  remarkPhonesMax: 5,
  /** A follow-up note on the customer's timeline. */
  noteMaxLength: 1000,
  /** The `state` of a contact-me code: names the channel a customer was added through. */
  contactStateMaxLength: CONTACT_STATE_MAX_LENGTH,
  /** Associates of one contact-me code (a store's rotation). */
  contactWayStaffMax: 100,
  /** Lines of one order. */
  purchaseItemsMax: 200,
  /** The longest period `getStaffResults` answers, in days. */
  resultsPeriodMaxDays: 366,
  /** What a manual task says to do. */
  taskTitleMaxLength: 200,
  /** How far ahead a task may be snoozed. */
  taskSnoozeMaxDays: 90,
  /** The largest threshold, in days, of a task rule (a lead time, a quiet spell). */
  taskRuleMaxDays: 365,
  /** A script's title, as the library lists it. */
  scriptTitleMaxLength: 30,
  /** A text script (a chat message): at most this many characters. */
  scriptTextMaxLength: 1000,
  /** A script category's name. */
  scriptCategoryNameMaxLength: 20,
  /** A broadcast's text, in UTF-8 bytes (the platform's mass-message limit). */
  broadcastTextMaxBytes: 4000,
  /** Attachments of one broadcast (images, a video, link or mini-program cards, mixed). */
  broadcastAttachmentsMax: 9,
  /** Recipients one broadcast may have at most, whatever the policy says. */
  broadcastRecipientsMax: 10_000,
  /** Customers one explicit broadcast audience may name. */
  broadcastCustomerIdsMax: 10_000,
  /** Skipped customers a preview lists by name (the counts cover them all). */
  broadcastPreviewSkippedMax: 200,
} as const;

const utf8 = /* @__PURE__ */ new TextEncoder();
/** Length of a string in UTF-8 bytes (the unit of the platform's link-title limit). */
export const byteLength = (value: string): number => utf8.encode(value).length;

/** The policy of the original platform release, used when an adapter says nothing else. */
export const DEFAULT_POLICY: Policy = {
  momentsPerDay: 1,
  groupMemberCap: 500,
  internalGroupMemberCap: 2000,
  timeZone: DEFAULT_TIME_ZONE,
  tagNameMaxLength: LIMITS.nameMaxLength,
  groupNameMaxLength: LIMITS.nameMaxLength,
  momentTextMaxLength: LIMITS.momentTextMaxLength,
  momentImagesMax: LIMITS.momentImagesMax,
  mediaMaxBytes: LIMITS.mediaMaxBytes,
  imageMaxPixels: 30_000_000,
  videoMaxDurationMs: LIMITS.videoMaxDurationMs,
  linkTitleMaxBytes: LIMITS.linkTitleMaxBytes,
  birthdayLeadDays: 7,
  couponExpiryLeadDays: 3,
  afterPurchaseDays: 3,
  greetingHours: 24,
  highValueSpend: 500_000,
  quietDays: 30,
  customerCap: 2000,
  groupTransfersPerDay: 20,
  attributionWindowDays: 7,
  defaultOpeningHours: { open: '10:00', close: '22:00' },
  broadcastCap: { perCustomer: 1, period: 'day' },
  broadcastMaxRecipients: LIMITS.broadcastRecipientsMax,
};
