import { expect } from '@open-wc/testing';
import {
  SCRIPT_VARIABLES,
  ScriptContentSchema,
  ScriptTextSchema,
  fillScript,
  scriptVariablesIn,
  unknownScriptVariables,
} from '@clienteling/core';
import * as trade from '@clienteling/core/trade.js';

const accepts = (text: string) => ScriptTextSchema.safeParse(text).success;

describe('script rules (issue 21)', () => {
  it('knows the three variables, and trade.js (free of zod) exports the rules', () => {
    expect([...SCRIPT_VARIABLES]).to.deep.equal(['customerName', 'staffName', 'storeName']);
    expect(trade.fillScript).to.equal(fillScript);
    expect(trade.unknownScriptVariables).to.equal(unknownScriptVariables);
  });

  it('fills every variable, each as often as it is written', () => {
    expect(
      fillScript('{customerName}您好，我是{storeName}的{staffName}。{customerName}，欢迎再来！', {
        customerName: '陈静',
        staffName: '王丽',
        storeName: '南京东路店',
      }),
    ).to.equal('陈静您好，我是南京东路店的王丽。陈静，欢迎再来！');
  });

  it('leaves a variable without a value as written, so the associate sees what is missing', () => {
    expect(fillScript('{customerName}，{staffName}在店里等您', { staffName: '王丽' })).to.equal(
      '{customerName}，王丽在店里等您',
    );
    expect(fillScript('{customerName}您好', { customerName: '' })).to.equal('{customerName}您好');
  });

  it('fills a value as text: `$&` and braces in a name stay what they are', () => {
    expect(fillScript('Hi {customerName}!', { customerName: 'A$&B {staffName}' })).to.equal('Hi A$&B {staffName}!');
  });

  it('never fills an unknown name, a variable of another case, or text that only looks like one', () => {
    const values = { customerName: '陈静', staffName: '王丽', storeName: '南京东路店' };
    expect(fillScript('{coupon} {CustomerName} { customerName } {{staffName}} {storeName', values)).to.equal(
      '{coupon} {CustomerName} { customerName } {王丽} {storeName',
    );
  });

  it('lists the unknown variables in order of appearance, each once', () => {
    expect(unknownScriptVariables('{coupon}，{customerName}，{Coupon}，{coupon}，{staff1}')).to.deep.equal([
      'coupon',
      'Coupon',
      'staff1',
    ]);
    expect(unknownScriptVariables('满 {1000} 减 150，{ 空格 }，{}')).to.deep.equal([]);
    expect(unknownScriptVariables('{customerName}{staffName}{storeName}')).to.deep.equal([]);
  });

  it('lists the variables a text uses, in order, each once', () => {
    expect(scriptVariablesIn('{storeName} {customerName} {storeName} {coupon}')).to.deep.equal([
      'storeName',
      'customerName',
    ]);
    expect(scriptVariablesIn('没有变量')).to.deep.equal([]);
  });

  it('the text schema refuses an unknown variable and an empty or invisible text, and takes up to 1,000 characters', () => {
    expect(accepts('{customerName}您好')).to.equal(true);
    expect(accepts('{customerNmae}您好')).to.equal(false);
    expect(accepts('')).to.equal(false);
    expect(accepts('\u200b \u200b')).to.equal(false);
    expect(accepts('好'.repeat(1000))).to.equal(true);
    expect(accepts('好'.repeat(1001))).to.equal(false);
    const issue = ScriptContentSchema.safeParse({ kind: 'text', text: '{coupon}' });
    expect(issue.success).to.equal(false);
  });
});
