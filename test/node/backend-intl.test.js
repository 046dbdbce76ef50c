// core/backend.ts creates its zh-CN collator on first use, not when a page loads the module
// (building one costs tens of milliseconds on a phone).
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the collator of @clienteling/core/backend.js is created on the first name comparison', async () => {
  const Original = Intl.Collator;
  let created = 0;
  Intl.Collator = function Collator(...args) {
    created++;
    return new Original(...args);
  };
  try {
    const { compareKeys } = await import('../../packages/core/src/backend.ts');
    assert.equal(created, 0, 'no collator when the module loads');
    assert.ok(compareKeys([1, 'a'], [2, 'b']) > 0, 'newer first');
    assert.equal(created, 0, 'times need no collator');
    assert.ok(compareKeys(['李', 'a'], ['王', 'b']) < 0, '李 (li) before 王 (wang) in zh-CN');
    compareKeys(['张', 'a'], ['王', 'b']);
    assert.equal(created, 1, 'one collator, created once');
  } finally {
    Intl.Collator = Original;
  }
});
