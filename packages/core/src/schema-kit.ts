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
export const Count = z.number().check(z.int(), z.gte(0));
export const PositiveCount = z.number().check(z.int(), z.gte(1));
