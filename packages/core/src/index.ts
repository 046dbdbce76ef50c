// The contract: domain schemas and types, the adapter interface, errors, validation and the rules
// of the trade. Free of Lit and of the DOM, so adapters and Node servers use it too. What elements
// share (provider, localization, tokens, base class) is in `@clienteling/core/elements`.
export * from './schemas.js';
export * from './contract.js';
export * from './errors.js';
export * from './validate.js';
export * from './rules.js';
export type * from './host.js';
