// `npm start`: serves the demo on the in-browser default adapter (no backend, no set-up).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// demo/cdn.html uses the single-file CDN build: build it once when it is missing.
if (!existsSync('packages/elements/dist/cdn/clienteling-elements.js')) {
  console.log('Building the CDN file for demo/cdn.html…');
  spawnSync('npx', ['rollup', '-c', '--configCdn', '--silent'], { stdio: 'inherit' });
}

const port = process.env.PORT ?? '8000';
const host = process.env.HOST ?? '127.0.0.1';
console.log(`\nclienteling-elements demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/demo/`);
console.log('(HOST=0.0.0.0 npm start to open it from a phone on the same network; Ctrl+C stops)\n');
const child = spawn('npx', ['web-dev-server', '--config', 'web-dev-server.config.js'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, HOST: host },
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
