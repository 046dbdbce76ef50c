// What elements and adapters load before their first validation (see load-validation.ts): the
// schemas, the operations' schemas and validation.
export { parseOrInvalid, withValidation } from './validate.js';
export { operations } from './contract.js';
export * as schemas from './schemas.js';
