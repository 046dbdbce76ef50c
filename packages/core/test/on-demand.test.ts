import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import {
  ClientelingElement,
  LocalizeController,
  OnDemand,
  defineElement,
  defineMessages,
} from '@clienteling/core/elements.js';

const messages = defineMessages({}, async () => ({ default: {} }));

interface FormPart {
  renderForm(): unknown;
}

/** Imports that settle when the test says so, counted. */
function controlledImport() {
  const calls: { resolve: (part: FormPart) => void; reject: (error: Error) => void }[] = [];
  const importPart = () => new Promise<FormPart>((resolve, reject) => calls.push({ resolve, reject }));
  const part: FormPart = { renderForm: () => litHtml`<form id="form">the form</form>` };
  return { calls, importPart, part };
}

let nextImport: () => Promise<FormPart>;

/** An element whose form loads on demand. */
class OnDemandProbe extends ClientelingElement {
  readonly localize = new LocalizeController(this, messages);
  readonly form = new OnDemand(this, () => nextImport());
  open = false;
  protected override render() {
    return this.open ? this.form.render(this.localize, (part) => part.renderForm()) : litHtml`<p>closed</p>`;
  }
}
defineElement('cl-test-on-demand-probe', OnDemandProbe);

const shadow = (el: Element) => el.shadowRoot!;

describe('OnDemand: a part loaded on demand', () => {
  it('starts loading once the browser is idle after the element connects, before it is asked for', async () => {
    const { calls, importPart, part } = controlledImport();
    nextImport = importPart;
    const el = await fixture<OnDemandProbe>(html`<cl-test-on-demand-probe></cl-test-on-demand-probe>`);
    expect(shadow(el).textContent).to.equal('closed');
    await waitUntil(() => calls.length === 1, 'no load at idle', { timeout: 3000 });
    calls[0]!.resolve(part);
    await waitUntil(() => el.form.part === part);
    el.open = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(shadow(el).querySelector('#form')?.textContent).to.equal('the form');
    expect(calls.length).to.equal(1);
  });

  it('shows a loading status while the part loads, then the part, sharing one load between asks', async () => {
    const { calls, importPart, part } = controlledImport();
    nextImport = importPart;
    const el = await fixture<OnDemandProbe>(html`<cl-test-on-demand-probe .open=${true}></cl-test-on-demand-probe>`);
    const status = shadow(el).querySelector('.cl-on-demand[role=status]');
    expect(status?.textContent).to.equal('加载中…');
    void el.form.load();
    expect(calls.length).to.equal(1);
    calls[0]!.resolve(part);
    await waitUntil(() => shadow(el).querySelector('#form'), 'the part never rendered');
  });

  it('says so after a failed load, and Retry loads again', async () => {
    const { calls, importPart, part } = controlledImport();
    nextImport = importPart;
    const el = await fixture<OnDemandProbe>(html`<cl-test-on-demand-probe .open=${true}></cl-test-on-demand-probe>`);
    calls[0]!.reject(new Error('offline'));
    await waitUntil(() => shadow(el).querySelector('.cl-on-demand[role=alert]'), 'no failure shown');
    const alert = shadow(el).querySelector('.cl-on-demand[role=alert]')!;
    expect(alert.querySelector('p')!.textContent).to.equal('这部分未能加载，请检查网络后重试。');
    expect(el.form.failed).to.equal(true);
    alert.querySelector('button')!.click();
    expect(calls.length).to.equal(2);
    calls[1]!.resolve(part);
    await waitUntil(() => shadow(el).querySelector('#form'), 'the retry never rendered the part');
    expect(el.form.failed).to.equal(false);
  });

  it('never loads a part whose element left the page before the browser was idle', async () => {
    const { calls, importPart } = controlledImport();
    nextImport = importPart;
    const el = await fixture<OnDemandProbe>(html`<cl-test-on-demand-probe></cl-test-on-demand-probe>`);
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(calls.length).to.equal(0);
  });
});
