/**
 * The channel a contact-me code names (its `state`), a module of its own: the staff card checks it on its first
 * render, without the platform's other limits (limits.ts takes its length from here).
 */

/** The longest `state` of a contact-me code. */
export const CONTACT_STATE_MAX_LENGTH = 30;

/** Whether `state` may name a contact-me code's channel: 1 to 30 of `A-Z a-z 0-9 _ -`. */
export const isContactState = (state: string): boolean =>
  state.length >= 1 && state.length <= CONTACT_STATE_MAX_LENGTH && /^[A-Za-z0-9_-]+$/.test(state);
