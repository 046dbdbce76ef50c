import { expect } from '@open-wc/testing';
import type { ClientelingAdapter } from '@clienteling/core';
import { adapterRejection } from '../../../test/helpers/rejection.js';
import { fixtures } from '../../../test/helpers/stub-adapter.js';
import { createHttpAdapter, errorFromResponse, type HttpAdapterOptions } from '../src/index.js';

type Call = { url: string; init: RequestInit; headers: Record<string, string> };
type Answer = Response | Error | ((call: Call) => Response | Error | Promise<Response | Error>);

/** A fetch that answers from a script, one answer per call, and records the calls. */
function scriptedFetch(...answers: Answer[]) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init, headers: init.headers as Record<string, string> };
    calls.push(call);
    let answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected call ' + call.url);
    if (typeof answer === 'function') answer = await answer(call);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const networkError = () => new TypeError('Failed to fetch');

function adapter(fetch: typeof globalThis.fetch, options: Partial<HttpAdapterOptions> = {}): ClientelingAdapter {
  return createHttpAdapter({ baseUrl: 'https://api.example.com/', fetch, backoffMs: 1, ...options });
}

describe('createHttpAdapter', () => {
  it('posts the input as JSON to /v1/{operation} with the hook headers, and validates the answer', async () => {
    const { fetch, calls } = scriptedFetch(json(200, fixtures.customer()));
    const api = adapter(fetch, { headers: async () => ({ Authorization: 'Bearer t-1' }) });
    const customer = await api.getCustomer({ customerId: 'cust-1' });
    expect(customer.name).to.equal('陈静');
    expect(calls[0]!.url).to.equal('https://api.example.com/v1/getCustomer');
    expect(calls[0]!.init.method).to.equal('POST');
    expect(JSON.parse(calls[0]!.init.body as string)).to.deep.equal({ customerId: 'cust-1' });
    expect(calls[0]!.headers).to.include({ Authorization: 'Bearer t-1', 'Content-Type': 'application/json' });
    expect(calls[0]!.headers['Idempotency-Key']).to.equal(undefined);
  });

  it('sends the request id of a `once` operation as Idempotency-Key', async () => {
    const { fetch, calls } = scriptedFetch(json(200, fixtures.issuedCoupon({ requestId: 'req-12345678' })));
    await adapter(fetch).issueCoupon({ requestId: 'req-12345678', stockId: 'stock-1', customerId: 'cust-1' });
    expect(calls[0]!.headers['Idempotency-Key']).to.equal('req-12345678');
  });

  it('turns a malformed answer into `invalid` naming the field', async () => {
    const { fetch } = scriptedFetch(
      json(200, { ...fixtures.customer(), addedAt: 'yesterday' }),
      new Response('<html>', { status: 200 }),
    );
    const api = adapter(fetch);
    const error = await adapterRejection(api.getCustomer({ customerId: 'cust-1' }));
    expect(error.code).to.equal('invalid');
    expect(error.field).to.equal('addedAt');
    expect(error.message).to.contain('getCustomer response');
    expect((await adapterRejection(api.getCustomer({ customerId: 'cust-1' }))).code).to.equal('invalid');
  });

  it('maps error bodies back to AdapterErrors with code, reason and field', async () => {
    const { fetch } = scriptedFetch(
      json(410, { code: 'expired', message: 'not yet', retryable: false, reason: 'not-started' }),
      json(400, { code: 'invalid', message: 'bad', retryable: false, field: 'draft.text' }),
      json(409, { code: 'sold-out', message: 'gone', retryable: false }),
    );
    const api = adapter(fetch);
    const send = () => api.issueCoupon({ requestId: 'req-12345678', stockId: 's', customerId: 'c' });
    expect(await adapterRejection(send())).to.include({
      code: 'expired',
      reason: 'not-started',
      retryable: false,
      message: 'not yet',
    });
    expect(await adapterRejection(send())).to.include({ code: 'invalid', field: 'draft.text' });
    expect(await adapterRejection(send())).to.include({ code: 'sold-out' });
  });

  it('maps bare statuses to codes', () => {
    const cases: Array<[number, string, boolean]> = [
      [400, 'invalid', false],
      [403, 'forbidden', false],
      [404, 'not-found', false],
      [409, 'conflict', false],
      [410, 'expired', false],
      [413, 'invalid', false],
      [422, 'invalid', false],
      [429, 'limit-reached', true],
      [500, 'unavailable', false],
      [502, 'unavailable', true],
      [503, 'unavailable', true],
    ];
    for (const [status, code, retryable] of cases)
      expect(errorFromResponse(status, '<html>'), String(status)).to.include({ code, retryable });
    expect(errorFromResponse(401, undefined)).to.include({ code: 'forbidden', reason: 'unauthenticated' });
    expect(errorFromResponse(418, { code: 'teapot' }).code).to.equal('unavailable');
  });

  it('retries a read on 503 and network failures, honouring Retry-After', async () => {
    const { fetch, calls } = scriptedFetch(
      json(503, { code: 'unavailable', message: 'busy', retryable: true }, { 'Retry-After': '0' }),
      networkError(),
      json(200, fixtures.customer()),
    );
    const customer = await adapter(fetch).getCustomer({ customerId: 'cust-1' });
    expect(customer.id).to.equal('cust-1');
    expect(calls).to.have.length(3);
  });

  it('gives up after `retries` retries with the last error', async () => {
    const { fetch, calls } = scriptedFetch(networkError(), networkError(), networkError());
    const error = await adapterRejection(adapter(fetch, { retries: 2 }).getPolicy({}));
    expect(error).to.include({ code: 'unavailable', retryable: true, reason: 'network' });
    expect(calls).to.have.length(3);
  });

  it('names CORS as a possible cause when a call to another origin fails', async () => {
    const error = await adapterRejection(adapter(scriptedFetch(networkError()).fetch, { retries: 0 }).getPolicy({}));
    expect(error.message).to.contain(`https://api.example.com does not allow calls from ${location.origin}`);
    const sameOrigin = createHttpAdapter({
      baseUrl: location.origin,
      fetch: scriptedFetch(networkError()).fetch,
      retries: 0,
    });
    expect((await adapterRejection(sameOrigin.getPolicy({}))).message).to.equal('Network unavailable');
  });

  it('retries a `once` operation after a lost answer, with the same Idempotency-Key', async () => {
    const coupon = fixtures.issuedCoupon({ requestId: 'req-abcdefgh' });
    const { fetch, calls } = scriptedFetch(networkError(), json(504, {}), json(200, coupon));
    const issued = await adapter(fetch).issueCoupon({
      requestId: 'req-abcdefgh',
      stockId: 'stock-1',
      customerId: 'cust-1',
    });
    expect(issued.id).to.equal(coupon.id);
    expect(calls.map((c) => c.headers['Idempotency-Key'])).to.deep.equal([
      'req-abcdefgh',
      'req-abcdefgh',
      'req-abcdefgh',
    ]);
  });

  it('never repeats a plain write that may have arrived, but does when the server refused it', async () => {
    const input = { customerId: 'cust-1', add: ['t-1'], remove: [] };
    const lost = scriptedFetch(networkError());
    expect((await adapterRejection(adapter(lost.fetch).markTags(input))).code).to.equal('unavailable');
    expect(lost.calls).to.have.length(1);
    const gateway = scriptedFetch(json(502, {}));
    await adapterRejection(adapter(gateway.fetch).markTags(input));
    expect(gateway.calls).to.have.length(1);
    const refused = scriptedFetch(
      json(
        429,
        { code: 'limit-reached', message: 'slow down', retryable: true, reason: 'rate-limited' },
        { 'Retry-After': '0' },
      ),
      json(200, fixtures.customer()),
    );
    await adapter(refused.fetch).markTags(input);
    expect(refused.calls).to.have.length(2);
  });

  it('does not retry what is not retryable', async () => {
    const { fetch, calls } = scriptedFetch(json(404, { code: 'not-found', message: 'no', retryable: false }));
    expect((await adapterRejection(adapter(fetch).getCustomer({ customerId: 'x' }))).code).to.equal('not-found');
    expect(calls).to.have.length(1);
  });

  it('refreshes the token once on 401, then reports forbidden', async () => {
    let token = 'old';
    let refreshes = 0;
    const refreshToken = async () => {
      refreshes++;
      token = 'new';
    };
    const ok = scriptedFetch(json(401, {}), json(200, fixtures.staff()));
    const api = adapter(ok.fetch, { headers: () => ({ Authorization: `Bearer ${token}` }), refreshToken });
    await api.getCurrentStaff({});
    expect(ok.calls.map((c) => c.headers.Authorization)).to.deep.equal(['Bearer old', 'Bearer new']);
    expect(refreshes).to.equal(1);

    const denied = scriptedFetch(json(401, {}), json(401, {}));
    const error = await adapterRejection(adapter(denied.fetch, { refreshToken }).getCurrentStaff({}));
    expect(error).to.include({ code: 'forbidden', reason: 'unauthenticated' });
    expect(refreshes).to.equal(2);
    expect(denied.calls).to.have.length(2);

    const failing = scriptedFetch(json(401, {}));
    const failed = await adapterRejection(
      adapter(failing.fetch, { refreshToken: () => Promise.reject(new Error('x')) }).getCurrentStaff({}),
    );
    expect(failed).to.include({ code: 'forbidden', reason: 'unauthenticated' });
  });

  it('times out an attempt with AbortController and retries a read', async () => {
    const hang = (call: Call) =>
      new Promise<Error>((resolve) =>
        call.init.signal!.addEventListener('abort', () => resolve(new DOMException('aborted', 'AbortError'))),
      );
    const { fetch, calls } = scriptedFetch(hang, hang);
    const error = await adapterRejection(adapter(fetch, { timeoutMs: 20, retries: 1 }).getPolicy({}));
    expect(error).to.include({ code: 'unavailable', reason: 'timeout', retryable: true });
    expect(calls).to.have.length(2);
    expect(calls[0]!.init.signal!.aborted).to.equal(true);
  });

  it('uploads media as the raw body and reports progress', async () => {
    const { fetch, calls } = scriptedFetch(json(200, { url: 'https://cdn.example.com/m/1', size: 3 }));
    const progress: number[] = [];
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const media = await adapter(fetch).uploadMedia({ file, kind: 'image', onProgress: (f) => progress.push(f) });
    expect(media.size).to.equal(3);
    expect(calls[0]!.url).to.equal('https://api.example.com/v1/media');
    expect(calls[0]!.init.body).to.equal(file);
    expect(calls[0]!.headers).to.include({ 'Content-Type': 'image/png', 'X-Media-Kind': 'image' });
    expect(progress).to.deep.equal([0, 1]);
  });

  it('stops an upload when its signal aborts, without retrying', async () => {
    const controller = new AbortController();
    const { fetch, calls } = scriptedFetch((call) => {
      controller.abort();
      expect(call.init.signal!.aborted).to.equal(true);
      return new DOMException('aborted', 'AbortError');
    });
    const error = await adapterRejection(
      adapter(fetch).uploadMedia({ file: new Blob(['x']), kind: 'image', signal: controller.signal }),
    );
    expect(error).to.include({ code: 'unavailable', reason: 'aborted', retryable: false });
    expect(calls).to.have.length(1);
  });

  it('has every capability unless told otherwise', () => {
    const api = createHttpAdapter({ baseUrl: 'https://api.example.com', capabilities: { uploadMedia: false } });
    expect(api.capabilities.uploadMedia).to.equal(false);
    expect(api.capabilities.issueCoupon).to.equal(true);
  });
});
