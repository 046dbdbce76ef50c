// The contract and the shared rules, from core's TypeScript source. Node resolves the package's
// `exports` without the `source` condition (that is, to an unbuilt dist/), so the server imports
// the source by path: `npm run server` then needs no build step.
export * from '../../core/src/index.js';
export * from '../../core/src/backend.js';
