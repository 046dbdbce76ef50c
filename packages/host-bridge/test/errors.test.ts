import { expect } from '@open-wc/testing';
import {
  HostBridgeError,
  WECOM_ERROR_TABLE,
  isHostBridgeError,
  toHostBridgeError,
  wecomErrorCode,
} from '../src/index.js';

describe('WeCom failure mapping', () => {
  const cases: Array<[string, string]> = [
    // The documented spellings (the SDK typings' @throws tables) and the SDK's own normalizations.
    ['getContext:fail no permission', 'no-permission'],
    ['getCurExternalContact:fail no permission', 'no-permission'],
    ['sendChatMessage:permission denied', 'no-permission'],
    ['agentConfig:fail_no_permission', 'no-permission'],
    ['agentConfig:access denied', 'no-permission'],
    ['getCurExternalChat:fail user not in allow list', 'no-permission'],
    ['getCurExternalContact:fail without context of external contact', 'no-context'],
    ['getCurExternalChat:fail without context of external contact', 'no-context'],
    ['sendChatMessage:fail_no_context', 'no-context'],
    ['shareToExternalMoments:fail not support', 'unsupported-version'],
    ['getContext:fail function not exist', 'unsupported-version'],
    ['wedocSelectDoc:fail not supported system version', 'unsupported-version'],
    ['sendChatMessage:fail version too low, please upgrade', 'unsupported-version'],
    ['shareToExternalMoments:cancel', 'cancelled'],
    ['sendChatMessage:fail cancel', 'cancelled'],
    ['sendChatMessage:fail invalid imgUrl', 'failed'],
    ['agentConfig:fail invalid signature', 'failed'],
    ['sendChatMessage:fail', 'failed'],
    ['', 'failed'],
  ];
  for (const [errMsg, code] of cases) {
    it(`maps "${errMsg}" to ${code}`, () => {
      expect(wecomErrorCode(errMsg)).to.equal(code);
    });
  }

  it('is one table of codes and patterns', () => {
    expect(WECOM_ERROR_TABLE.map(([code]) => code)).to.deep.equal([
      'cancelled',
      'no-permission',
      'no-context',
      'unsupported-version',
    ]);
  });

  it('turns a rejected WeCom result into a HostBridgeError that keeps errMsg, errCode and the result', () => {
    const result = { errMsg: 'sendChatMessage:fail no permission', errCode: 40001 };
    const error = toHostBridgeError(result);
    expect(error).to.be.instanceOf(HostBridgeError).and.instanceOf(Error);
    expect(error.name).to.equal('HostBridgeError');
    expect(error.code).to.equal('no-permission');
    expect(error.message).to.equal('sendChatMessage:fail no permission (errCode 40001)');
    expect(error.cause).to.equal(result);
    expect(toHostBridgeError({ errMsg: 'getContext:fail without context of external contact' }).message).to.equal(
      'getContext:fail without context of external contact',
    );
  });

  it('turns an SDK Error or anything else into `failed`, and passes a HostBridgeError through', () => {
    const sdkError = new Error('SDK Error: Missing getAgentConfigSignature');
    expect(toHostBridgeError(sdkError)).to.include({ code: 'failed', message: sdkError.message, cause: sdkError });
    expect(toHostBridgeError('boom')).to.include({ code: 'failed', message: 'boom' });
    expect(toHostBridgeError(null)).to.include({ code: 'failed', message: 'null' });
    const own = new HostBridgeError('no-context', 'x');
    expect(toHostBridgeError(own)).to.equal(own);
  });

  it('recognizes HostBridgeErrors, also from another copy of the package', () => {
    expect(isHostBridgeError(new HostBridgeError('failed', 'x'))).to.equal(true);
    const foreign = Object.assign(new Error('x'), { name: 'HostBridgeError', code: 'cancelled' });
    expect(isHostBridgeError(foreign)).to.equal(true);
    expect(isHostBridgeError(new Error('x'))).to.equal(false);
    expect(isHostBridgeError({ name: 'HostBridgeError', code: 'failed' })).to.equal(false);
  });
});
