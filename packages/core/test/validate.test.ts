import { expect } from '@open-wc/testing';
import {
  AdapterError,
  FULL_CAPABILITIES,
  READ_ONLY_CAPABILITIES,
  createRequestId,
  maySendAgain,
  toAdapterError,
  withValidation,
} from '@clienteling/core';
import { fixtures, stubAdapter } from '../../../test/helpers/stub-adapter.js';
import { rejection } from '../../../test/helpers/rejection.js';

describe('withValidation', () => {
  it('passes valid responses through', async () => {
    const api = withValidation(stubAdapter({ getCustomer: async () => fixtures.customer() }));
    expect((await api.getCustomer({ customerId: 'cust-1' })).name).to.equal('陈静');
  });

  it('turns a malformed response into an invalid error naming the field', async () => {
    const api = withValidation(
      stubAdapter({ getCustomer: async () => ({ ...fixtures.customer(), addedAt: 42 }) as never }),
    );
    const error = await rejection(api.getCustomer({ customerId: 'cust-1' }));
    expect(error.code).to.equal('invalid');
    expect(error.field).to.equal('addedAt');
    expect(error.message).to.contain('getCustomer response');
  });

  it('checks inputs before the adapter sees them', async () => {
    const raw = stubAdapter({ markTags: async () => fixtures.customer() });
    const error = await rejection(withValidation(raw).markTags({ customerId: 'c', add: [], remove: [] }));
    expect(error.code).to.equal('invalid');
    expect(raw.calls).to.have.length(0);
  });

  it('turns thrown network errors into retryable unavailable errors', async () => {
    const api = withValidation(
      stubAdapter({
        getPolicy: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    const error = await rejection(api.getPolicy({}));
    expect(error.code).to.equal('unavailable');
    expect(error.retryable).to.equal(true);
  });

  it('keeps adapter errors as they are and validates uploads', async () => {
    const api = withValidation(
      stubAdapter({
        getGroup: async () => {
          throw new AdapterError('forbidden', 'no', { reason: 'not-member' });
        },
        uploadMedia: async () => ({ url: '', size: 1 }),
      }),
    );
    const forbidden = await rejection(api.getGroup({ groupId: 'g' }));
    expect([forbidden.code, forbidden.reason, forbidden.retryable]).to.deep.equal(['forbidden', 'not-member', false]);
    const upload = await rejection(api.uploadMedia({ file: new Blob(['x']), kind: 'image' }));
    expect(upload.field).to.equal('url');
  });

  it('wraps only once and exposes the capabilities', () => {
    const raw = stubAdapter({}, { issueCoupon: false });
    const once = withValidation(raw);
    expect(withValidation(once)).to.equal(once);
    expect(once.capabilities.issueCoupon).to.equal(false);
    expect(once.capabilities.markTags).to.equal(true);
  });
});

describe('AdapterError', () => {
  it('serialises to JSON and is recognised across copies', () => {
    const e = new AdapterError('expired', 'not yet', { reason: 'not-started' });
    const json = JSON.parse(JSON.stringify(e));
    expect(json).to.deep.equal({ code: 'expired', message: 'not yet', retryable: false, reason: 'not-started' });
    expect(AdapterError.is({ ...json, name: 'AdapterError' })).to.equal(true);
    expect(AdapterError.is({ name: 'AdapterError', code: 'weird' })).to.equal(false);
    expect(AdapterError.is(new Error('x'))).to.equal(false);
  });

  it('lets a send made once be tried again after a retryable error or an unknown outcome only', () => {
    expect(maySendAgain(undefined), 'before any error').to.equal(true);
    expect(
      maySendAgain(new AdapterError('unavailable', 'no answer', { retryable: false })),
      'outcome unknown',
    ).to.equal(true);
    expect(maySendAgain(new AdapterError('conflict', 'try later', { retryable: true }))).to.equal(true);
    expect(maySendAgain(new AdapterError('sold-out', 'none left'))).to.equal(false);
    expect(maySendAgain(new AdapterError('forbidden', 'no'))).to.equal(false);
  });

  it('wraps unknown errors as unavailable, not retryable unless from the network', () => {
    expect(toAdapterError(new Error('boom')).retryable).to.equal(false);
    expect(toAdapterError('text').message).to.equal('text');
    const abort = toAdapterError(new DOMException('aborted', 'AbortError'));
    expect([abort.code, abort.retryable]).to.deep.equal(['unavailable', true]);
  });
});

describe('contract helpers', () => {
  it('creates distinct request ids', () => {
    const ids = new Set(Array.from({ length: 50 }, createRequestId));
    expect(ids.size).to.equal(50);
    for (const id of ids) expect(id.length).to.be.at.least(8);
  });

  it('has read-only capabilities that deny every feature', () => {
    expect(Object.keys(READ_ONLY_CAPABILITIES)).to.deep.equal(Object.keys(FULL_CAPABILITIES));
    expect(Object.values(READ_ONLY_CAPABILITIES).every((v) => v === false)).to.equal(true);
  });
});
