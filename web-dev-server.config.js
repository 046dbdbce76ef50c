// The demo server of `npm start`: TypeScript sources compiled on the fly, workspace packages
// resolved to their sources.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  rootDir: '.',
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2020' })],
  middleware: [
    // `/` opens the demo.
    (ctx, next) => {
      if (ctx.url === '/' || ctx.url === '/index.html') ctx.redirect('/demo/');
      return next();
    },
  ],
};
