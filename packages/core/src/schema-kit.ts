/**
 * What the schema modules share and do not export as part of the domain: storable text, counts and
 * `opt` (zod's optional); and the parsing (parse.ts), which loads with zod (see load-validation.ts).
 */
import * as z from 'zod/mini';
import { hasBadCharacters } from './text-rules.js';

export { callValidated, parseOrInvalid, uploadValidated } from './parse.js';

/** Refuses NUL and lone surrogates in every string of the domain: no database stores them. */
export const storable = z.refine<string>((value) => !hasBadCharacters(value), {
  message: 'Text must not contain NUL or unpaired surrogate characters',
});
/** A string of at most `max` characters (and at least `min`) that a database can store. */
export const storableText = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max), storable);
export const opt = z.optional;
/**
 * A whole number a double holds exactly: what zod's `z.int()` checks, as a refinement, which costs
 * about 0.4 KB gzip less in the first validation's chunk. The OpenAPI generator publishes a number
 * with this check as `type: integer`.
 */
export const integer = z.refine<number>(Number.isSafeInteger, { message: 'Expected an integer' });
export const Count = z.number().check(integer, z.gte(0));
export const PositiveCount = z.number().check(integer, z.gte(1));

/** The pattern of each check `matching()` made: the OpenAPI generator publishes it as `pattern`. */
export const PATTERNS = new WeakMap<object, RegExp>();

/**
 * A check that a string matches `pattern`, failing with `message`: zod's `z.regex`, as a refinement
 * (about 0.2 KB gzip less in the first validation's chunk, and a message that says what is expected).
 */
export function matching(pattern: RegExp, message: string) {
  const check = z.refine<string>((value) => pattern.test(value), { message });
  PATTERNS.set(check, pattern);
  return check;
}

/**
 * An object of `value`s keyed by strings `key` accepts: zod's `z.record`, built on the object code
 * every schema already loads (`z.record` costs about 0.6 KB gzip more). A bad value is reported at its
 * key (`openingHours.store-1.open`), a bad key at the object.
 */
export const recordOf = <V extends z.ZodMiniType>(key: z.ZodMiniType<string>, value: V) =>
  z.catchall(z.object({}), value).check(
    z.refine((record: object) => Object.keys(record).every((name) => key.safeParse(name).success), {
      message: 'Invalid key',
    }),
  );
