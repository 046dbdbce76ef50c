// The committed OpenAPI document is current (regenerated in memory from the zod schemas) and valid.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { OPENAPI_PATH, buildOpenApi, serializeOpenApi } from '../../adapter-http/scripts/openapi.js';
import { operationNames } from '../src/core.js';

describe('openapi.json', () => {
  const generated = buildOpenApi();

  it('matches the schemas (run `npx tsx packages/adapter-http/scripts/openapi.ts` after changing them)', () => {
    assert.equal(readFileSync(OPENAPI_PATH, 'utf8'), serializeOpenApi(generated));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')));
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
  });

  it('has one POST path per operation, and Idempotency-Key on the `once` ones', () => {
    const paths = generated.paths as Record<
      string,
      { post?: { operationId: string; parameters?: unknown[]; 'x-clienteling-kind': string } }
    >;
    for (const name of operationNames) {
      const op = paths[`/v1/${name}`]?.post;
      assert.equal(op?.operationId, name);
      assert.equal(Boolean(op.parameters), op['x-clienteling-kind'] === 'once', name);
    }
  });
});
