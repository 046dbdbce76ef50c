import { deleteDB } from 'idb';
import { runAdapterConformance } from '@clienteling/adapter-testkit';
import { createLocalAdapter, type LocalAdapter } from '../src/index.js';

let n = 0;
const names = new WeakMap<object, string>();

runAdapterConformance({
  name: 'adapter-local',
  create: ({ dataset, clock }) => {
    const dbName = `conformance-${Date.now()}-${++n}`;
    const adapter = createLocalAdapter({ dbName, dataset, clock: () => clock.now() });
    names.set(adapter, dbName);
    return adapter;
  },
  reset: async (adapter) => {
    (adapter as LocalAdapter).close();
    await deleteDB(names.get(adapter)!);
  },
});
