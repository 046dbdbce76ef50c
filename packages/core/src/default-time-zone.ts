/**
 * The time zone a store keeps when its policy names none (`DEFAULT_POLICY.timeZone`), a module of its own:
 * an element shows dates in it until the adapter's policy arrives, without the platform's other limits.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
