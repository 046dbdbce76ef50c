import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { OPERATION_GROUPS, loadMediaValidation, loadOperation, operationNames } from '@clienteling/core/adapter-kit.js';
import { AdapterError, UploadedMediaSchema as contractMediaSchema, operations } from '@clienteling/core';

describe('loadOperation', () => {
  it("gives every operation the contract's own input and output schemas, whatever its group", async () => {
    for (const name of operationNames) {
      const loaded = await loadOperation(name);
      expect(loaded.input, `${name} input`).to.equal(operations[name].input);
      expect(loaded.output, `${name} output`).to.equal(operations[name].output);
    }
    expect(new Set(Object.values(OPERATION_GROUPS))).to.deep.equal(
      new Set(['common', 'people', 'outreach', 'tasks', 'transfers', 'results', 'scripts', 'broadcasts']),
    );
  });

  it('validates a call of one group with its schemas, naming the field', async () => {
    const { callValidated, input, output } = await loadOperation('listTasks');
    let sent: unknown;
    const answer = { items: [], nextCursor: null, counts: { today: 0, upcoming: 0, done: 0 } };
    const call = async (checked: unknown) => ((sent = checked), answer);
    expect(await callValidated('listTasks', { input, output }, call, { bucket: 'today' })).to.deep.equal(answer);
    expect(sent).to.deep.equal({ bucket: 'today' });
    const error = await callValidated('listTasks', { input, output }, call, { bucket: 'later' }).catch((e) => e);
    expect(error).to.be.instanceOf(AdapterError);
    expect((error as AdapterError).code).to.equal('invalid');
    expect((error as AdapterError).field).to.equal('bucket');
    const broken = await callValidated('listTasks', { input, output }, async () => ({ items: [] }), {}).catch((e) => e);
    expect((broken as AdapterError).message).to.match(/^listTasks (input|response): /);
  });

  it('hands over an answer whose check took long in a task of its own, a quick one in the same task', async () => {
    const { callValidated } = await loadOperation('listTasks');
    const { LONG_CHECK_MS } = await import('../src/parse.js');
    const checkTaking = (ms: number) =>
      z.unknown().check(
        z.refine(() => {
          const until = performance.now() + ms;
          while (performance.now() < until) {
            /* a check this long */
          }
          return true;
        }),
      );
    /** Whether a task ran between the answer's arrival and the caller getting it. */
    const turnBetween = async (checkMs: number) => {
      let turns = 0;
      const schemas = { input: z.unknown(), output: checkTaking(checkMs) };
      const channel = new MessageChannel();
      const answered = callValidated(
        'listTasks',
        schemas,
        async () => {
          channel.port1.onmessage = () => turns++;
          channel.port2.postMessage(null);
          return {};
        },
        {},
      );
      await answered;
      channel.port1.close();
      return turns > 0;
    };
    expect(await turnBetween(LONG_CHECK_MS * 3)).to.equal(true);
    expect(await turnBetween(0)).to.equal(false);
  });

  it('refuses a name that is not an operation, clearly', async () => {
    const error = await loadOperation('dropDatabase' as never).catch((e) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.equal('dropDatabase is not an operation of the contract');
  });

  it("checks an upload's answer with the schema of uploaded media", async () => {
    const { parseOrInvalid, UploadedMediaSchema } = await loadMediaValidation();
    expect(UploadedMediaSchema).to.equal(contractMediaSchema);
    expect(() => parseOrInvalid(UploadedMediaSchema, { url: 1 }, 'uploadMedia response')).to.throw(AdapterError);
  });
});
