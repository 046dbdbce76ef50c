// What an adapter imports when it is created, free of zod: the errors, the default policy and limits,
// the capabilities, the operations' kinds, request ids and every rule of the trade. The schemas and
// validation load with its first call (`loadValidation()`). A bundler assigns whole modules to chunks,
// so an adapter importing `@clienteling/core` (which re-exports the schemas) would load zod eagerly.
export * from './trade.js';
export * from './capabilities.js';
export * from './operation-kinds.js';
export * from './task-rules.js';
export * from './transfer-rules.js';
export * from './broadcast-rules.js';
export * from './attribution.js';
export {
  loadMediaValidation,
  loadOperation,
  loadValidation,
  type OperationValidation,
  type ValidationModule,
} from './load-validation.js';
