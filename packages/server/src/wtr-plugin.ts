/**
 * A web-test-runner plugin that runs the reference server in test mode (PGlite in memory) for the
 * duration of a test run, so browser tests (the conformance suite of adapter-http) talk to a real
 * server over HTTP. Browser tests learn its URL from `GET /__clienteling/server-url`
 * (`{ url }`), served by the test runner's own dev server.
 *
 * In a web-test-runner config (plain JavaScript), load it through tsx:
 *
 *     import { tsImport } from 'tsx/esm/api';
 *     const { clientelingServerPlugin } = await tsImport('./packages/server/src/wtr-plugin.ts', import.meta.url);
 *     export default { plugins: [clientelingServerPlugin()] };
 */
import { createScratchDatabase, openDb, migrate, type Db } from './db.js';
import { loadDataset } from './dataset.js';
import { miniDataset } from './mini-dataset.js';
import { startServer, type RunningServer } from './server.js';

export const SERVER_URL_PATH = '/__clienteling/server-url';

export interface ClientelingServerPluginOptions {
  /**
   * A PostgreSQL server to run on (PGlite in memory when absent): the plugin creates a fresh
   * database there for the run and drops it afterwards, so the connection needs CREATEDB.
   */
  databaseUrl?: string;
  /** Print one line per request. */
  log?: boolean;
}

interface PluginContext {
  config: { hostname?: string; port?: number };
}

export function clientelingServerPlugin(options: ClientelingServerPluginOptions = {}) {
  let db: Db | undefined;
  let server: RunningServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  return {
    name: 'clienteling-server',
    async serverStart({ config }: PluginContext) {
      let databaseUrl: string | undefined;
      if (options.databaseUrl)
        ({ url: databaseUrl, drop: dropDatabase } = await createScratchDatabase(options.databaseUrl));
      db = await openDb({ databaseUrl });
      await migrate(db);
      await loadDataset(db, miniDataset(), { devTokens: true });
      const port = config.port;
      server = await startServer({
        db,
        port: 0,
        testMode: true,
        // The test page's origin only (any origin when the runner's port is not known yet).
        corsOrigins: port
          ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://${config.hostname ?? 'localhost'}:${port}`]
          : ['*'],
        // The conformance suite sends many coupons in a row: it tests the rules, not the rate limit.
        couponRateLimit: { max: 1_000_000, windowMs: 60_000 },
        log: options.log ? (line) => console.log(`[server] ${line}`) : undefined,
      });
    },
    async serverStop() {
      await server?.close();
      await db?.close();
      await dropDatabase?.();
    },
    serve(context: { path: string }) {
      if (context.path === SERVER_URL_PATH && server)
        return { body: JSON.stringify({ url: server.url }), type: 'json' };
      return undefined;
    },
  };
}
