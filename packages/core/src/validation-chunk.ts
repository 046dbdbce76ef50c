// What elements load on their first adapter call (see element.ts): validation and the schemas.
export { parseOrInvalid, withValidation } from './validate.js';
export * as schemas from './schemas.js';
