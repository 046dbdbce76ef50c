// The conformance suite against adapter-http talking to the reference server (started in test mode
// by the clienteling-server web-test-runner plugin: packages/server/src/wtr-plugin.ts).
import { runAdapterConformance } from '@clienteling/adapter-testkit';
import { createHttpAdapter } from '../src/index.js';

let serverUrl: Promise<string> | undefined;
const server = () =>
  (serverUrl ??= fetch('/__clienteling/server-url').then(async (response) => {
    if (!response.ok)
      throw new Error(
        'The reference server is not running: add clientelingServerPlugin() (packages/server/src/wtr-plugin.ts) to the web-test-runner config',
      );
    return ((await response.json()) as { url: string }).url;
  }));

runAdapterConformance({
  name: 'adapter-http + reference server',
  async create({ dataset, clock }) {
    const url = await server();
    const reset = await fetch(`${url}/__test/reset`, { method: 'POST', body: JSON.stringify(dataset) });
    if (!reset.ok) throw new Error(`reset failed: ${reset.status} ${await reset.text()}`);
    const { tokens } = (await reset.json()) as { tokens: Record<string, string> };
    const token = tokens[dataset.signedInStaffId]!;
    return createHttpAdapter({
      baseUrl: url,
      headers: () => ({ Authorization: `Bearer ${token}`, 'X-Test-Now': clock.now().toISOString() }),
      backoffMs: 10,
    });
  },
});
