// The in-browser default adapter on IndexedDB. Seed data generation is a separate entry
// (`@clienteling/adapter-local/seed.js`), loaded lazily when the database is empty.
export { createLocalAdapter, type LocalAdapter, type LocalAdapterOptions } from './local-adapter.js';
export { DB_VERSION } from './schema.js';
export { SEED_MANAGER_STAFF_ID, UNREACHABLE_TAG_ID, type Dataset } from './dataset.js';
