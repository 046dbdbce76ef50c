// The contract: domain schemas and types, the adapter interface, errors, validation and the rules
// of the trade. Free of Lit and of the DOM, so adapters and Node servers use it too. What elements
// share (provider, localization, tokens, base class) is in `@clienteling/core/elements.js`; what
// they import of the rules, free of zod, in `@clienteling/core/trade.js`; what adapters import when
// they are created, free of zod, in `@clienteling/core/adapter-kit.js`.
export * from './adapter-kit.js';
export * from './schemas.js';
export * from './contract.js';
export * from './validate.js';
