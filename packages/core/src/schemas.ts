/**
 * The domain of clienteling-elements as zod (mini) schemas. Every TypeScript type of the domain is
 * inferred from these schemas, never written twice. Adapters' responses are validated against them
 * at the boundary (see `validate.ts`). They are modules by operation group (see `schemas-common.ts`),
 * so that validating one operation loads only its group's.
 *
 * Conventions: ids are opaque strings; times are ISO 8601 strings with an offset; money is an
 * integer number of fen (分, 1/100 CNY); limits that vary per company live in {@link PolicySchema}.
 */
export * from './schemas-common.js';
export * from './schemas-staff.js';
export * from './schemas-base.js';
export * from './schemas-attachments.js';
export * from './schemas-outreach.js';
export * from './schemas-tasks.js';
export * from './schemas-transfers.js';
export * from './schemas-results.js';
export * from './schemas-scripts.js';
export * from './schemas-broadcasts.js';
