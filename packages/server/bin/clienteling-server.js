#!/usr/bin/env node
// `npx clienteling-server`: runs the server's TypeScript source through tsx (a dependency), so the
// package works installed from npm as well as inside the repository.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
