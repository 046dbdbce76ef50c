/**
 * Typed events. Every event of the library is `cl-` prefixed, bubbles, crosses shadow roots and
 * carries a typed `detail`; elements declare theirs in `HTMLElementEventMap`.
 */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

export interface EmitOptions {
  /** Let a listener call `preventDefault()` to stop the action; `emit` then returns false. */
  cancelable?: boolean;
}

/** Dispatches a `cl-` event from `target`. Returns false when a listener cancelled it. */
export function emit<K extends keyof HTMLElementEventMap & `cl-${string}`>(
  target: EventTarget,
  type: K,
  detail: EventDetail<K>,
  options: EmitOptions = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
