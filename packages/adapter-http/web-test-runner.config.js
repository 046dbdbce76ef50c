// adapter-http's own browser tests, with the reference server running beside them:
//   npx web-test-runner --config packages/adapter-http/web-test-runner.config.js
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';
import root from '../../web-test-runner.config.js';

const { clientelingServerPlugin } = await tsImport('../server/src/wtr-plugin.ts', import.meta.url);

export default {
  ...root,
  files: ['packages/adapter-http/test/**/*.test.ts'],
  plugins: [
    ...root.plugins.filter((p) => p.name !== 'clienteling-server'),
    clientelingServerPlugin({ databaseUrl: process.env.TEST_DATABASE_URL }),
  ],
  coverageConfig: { ...root.coverageConfig, include: ['packages/adapter-http/src/**/*.ts'] },
};
