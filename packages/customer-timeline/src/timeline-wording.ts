/**
 * What each entry of the timeline says, for a store associate: who did what (the headline) and
 * the particulars (tag names, the coupon, an excerpt of the moment, the group, the amount and the
 * store of a purchase, the note).
 */
import type { AddWay, CustomerActivity } from '@clienteling/core';
import type { LocalizeController, MessagesOf } from '@clienteling/core/elements.js';
import type { customerTimelineMessages } from './customer-timeline.messages.js';

type Messages = MessagesOf<typeof customerTimelineMessages>;

/** What the wording needs: the element's messages and money format, and the names it knows. */
export interface WordingContext {
  localize: LocalizeController<Messages>;
  /** The name of a staff member (`我` for the signed-in one; `同事` until the name is known). */
  staffName: (staffId: string | undefined) => string;
  /** Whether `staffId` is the signed-in associate's. */
  isSelf: (staffId: string | undefined) => boolean;
  /** The name of a tag (a deleted or unknown tag is said so). */
  tagName: (tagId: string) => string;
}

/** An entry in words. */
export interface EntryWords {
  headline: string;
  /** The particulars, when the kind has some. */
  detail: string;
}

/** Characters of a moment's text shown on its entry (the whole text is in the details). */
export const MOMENT_EXCERPT_LENGTH = 60;

/** Names joined as a list in the current locale: `运动风、白领` / `sportswear, white collar`. */
const listOf = (context: WordingContext, names: string[]) =>
  names.join(context.localize.locale === 'zh-CN' ? '、' : ', ');

/** The start of a long text, cut at a whole character, with an ellipsis. */
export function excerpt(text: string, length = MOMENT_EXCERPT_LENGTH): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length > length ? `${characters.slice(0, length).join('')}…` : characters.join('');
}

function addWayText(context: WordingContext, addWay: AddWay | undefined): string {
  const { localize } = context;
  if (!addWay) return '';
  if (addWay.kind === 'contact-me' && addWay.state) return localize.t('timeline.way.contact-me.state', addWay.state);
  if (addWay.kind === 'shared-card' && addWay.sharedBy)
    return localize.t('timeline.way.shared-card.by', addWay.sharedBy);
  return localize.t(`timeline.way.${addWay.kind}`);
}

const PROFILE_FIELDS = ['remark', 'description', 'remarkPhones', 'remarkCompany'] as const;

function profileChanges(
  context: WordingContext,
  changes: Extract<CustomerActivity, { kind: 'profile-updated' }>['changes'],
): string {
  const { localize } = context;
  const parts: string[] = [];
  for (const field of PROFILE_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    const label = localize.t(`timeline.field.${field}`);
    const text = Array.isArray(value) ? listOf(context, value) : value;
    parts.push(text ? localize.t('timeline.field.value', label, text) : localize.t('timeline.field.cleared', label));
  }
  return parts.join(localize.locale === 'zh-CN' ? '；' : '; ');
}

function tagChanges(context: WordingContext, added: string[], removed: string[]): string {
  const { localize } = context;
  const parts: string[] = [];
  if (added.length) parts.push(localize.t('timeline.tags.added', listOf(context, added.map(context.tagName))));
  if (removed.length) parts.push(localize.t('timeline.tags.removed', listOf(context, removed.map(context.tagName))));
  return parts.join(localize.locale === 'zh-CN' ? '，' : ', ');
}

function purchaseDetail(context: WordingContext, activity: Extract<CustomerActivity, { kind: 'purchase' }>): string {
  const parts: string[] = [];
  if (activity.storeName) parts.push(activity.storeName);
  if (activity.attributedStaffId) {
    parts.push(context.localize.t('timeline.purchase.attributed', context.staffName(activity.attributedStaffId)));
  }
  return parts.join(' · ');
}

/** The headline and particulars of `activity`. */
export function describeActivity(context: WordingContext, activity: CustomerActivity): EntryWords {
  const { localize, staffName } = context;
  const who = staffName(activity.staffId);
  switch (activity.kind) {
    case 'added':
      return {
        headline: activity.staffId ? localize.t('timeline.added', who) : localize.t('timeline.added.self'),
        detail: addWayText(context, activity.addWay),
      };
    case 'profile-updated':
      return { headline: localize.t('timeline.profile', who), detail: profileChanges(context, activity.changes) };
    case 'tags-changed':
      return {
        headline: localize.t('timeline.tags', who),
        detail: tagChanges(context, activity.added, activity.removed),
      };
    case 'coupon-issued':
      return { headline: localize.t('timeline.coupon.issued', who), detail: activity.stockName };
    case 'coupon-redeemed':
      return { headline: localize.t('timeline.coupon.redeemed'), detail: activity.stockName };
    case 'moment-sent':
      return {
        headline: context.isSelf(activity.staffId)
          ? localize.t('timeline.moment.yours')
          : localize.t('timeline.moment', who),
        detail: excerpt(activity.text),
      };
    case 'joined-group':
      return { headline: localize.t('timeline.group.joined'), detail: activity.groupName };
    case 'left-group':
      return { headline: localize.t('timeline.group.left'), detail: activity.groupName };
    case 'purchase':
      return {
        headline: localize.t('timeline.purchase', localize.money(activity.amount, true)),
        detail: purchaseDetail(context, activity),
      };
    case 'note':
      return { headline: localize.t('timeline.note', who), detail: activity.text };
    case 'transferred':
      return {
        headline: localize.t('timeline.transferred', staffName(activity.fromStaffId), staffName(activity.toStaffId)),
        detail: '',
      };
  }
}

/** The whole text of an entry's particulars, for its details dialog (a moment's full text). */
export function fullDetail(context: WordingContext, activity: CustomerActivity): string {
  return activity.kind === 'moment-sent' ? activity.text : describeActivity(context, activity).detail;
}
