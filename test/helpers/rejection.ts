import { expect } from '@open-wc/testing';
import { AdapterError } from '@clienteling/core';

/** Awaits `promise`, expecting it to reject, and returns the error (failing the test otherwise). */
export async function rejection<E = AdapterError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}

/** The same, for an adapter call: the error must be an `AdapterError`. */
export async function adapterRejection(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await rejection<unknown>(promise);
  expect(AdapterError.is(error), String(error)).to.equal(true);
  return error as AdapterError;
}
