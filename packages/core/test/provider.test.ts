import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ClientelingElement, LocalizeController, defineElement, defineMessages } from '@clienteling/core/elements.js';
import '@clienteling/core/define.js';
import type { ClientelingAdapter } from '@clienteling/core';
import { stubAdapter, fixtures } from '../../../test/helpers/stub-adapter.js';

const messages = defineMessages(
  {
    'probe.hello': '你好',
    'probe.count': (n: number) => `${n} 项`,
  },
  async () => ({ default: { 'probe.hello': 'Hello', 'probe.count': (n: number) => `${n} items` } }),
);

/** A minimal element that shows which adapter and language it got. */
class ProbeElement extends ClientelingElement {
  l = new LocalizeController(this, messages);
  seen: Array<ClientelingAdapter | undefined> = [];
  protected override apiChanged(api: ClientelingAdapter | undefined) {
    this.seen.push(api);
  }
  get currentApi() {
    return this.api;
  }
  protected override render() {
    return litHtml`<p>${this.l.t('probe.hello')} ${this.l.t('probe.count', 3)}</p>`;
  }
}
defineElement('cl-test-probe', ProbeElement);

const text = (el: Element) => el.shadowRoot!.textContent!.trim();

describe('cl-provider', () => {
  it('gives each element the adapter of its own provider (two providers on one page)', async () => {
    const a = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ id: 'a' }) });
    const b = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ id: 'b' }) });
    const page = await fixture(
      html`<div>
        <cl-provider .adapter=${a}><cl-test-probe id="pa"></cl-test-probe></cl-provider>
        <cl-provider .adapter=${b}><cl-test-probe id="pb"></cl-test-probe></cl-provider>
      </div>`,
    );
    const pa = page.querySelector<ProbeElement>('#pa')!;
    const pb = page.querySelector<ProbeElement>('#pb')!;
    await pa.updateComplete;
    await pb.updateComplete;
    expect((await pa.currentApi!.getCurrentStaff({})).id).to.equal('a');
    expect((await pb.currentApi!.getCurrentStaff({})).id).to.equal('b');
    expect(a.calls).to.have.length(1);
    expect(b.calls).to.have.length(1);
  });

  it('lets nested providers inherit the adapter and override the language', async () => {
    const a = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ id: 'outer' }) });
    const page = await fixture(
      html`<cl-provider .adapter=${a} locale="zh-CN">
        <cl-provider locale="en"><cl-test-probe></cl-test-probe></cl-provider>
      </cl-provider>`,
    );
    const probe = page.querySelector<ProbeElement>('cl-test-probe')!;
    await probe.updateComplete;
    expect((await probe.currentApi!.getCurrentStaff({})).id).to.equal('outer');
    expect(text(probe)).to.equal('Hello 3 items');
  });

  it("prefers the element's own adapter property and reports adapter changes", async () => {
    const a = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ id: 'provider' }) });
    const own = stubAdapter({ getCurrentStaff: async () => fixtures.staff({ id: 'own' }) });
    const page = await fixture(html`<cl-provider .adapter=${a}><cl-test-probe></cl-test-probe></cl-provider>`);
    const probe = page.querySelector<ProbeElement>('cl-test-probe')!;
    await probe.updateComplete;
    expect(probe.seen).to.have.length(1);
    probe.adapter = own;
    await probe.updateComplete;
    expect(probe.seen).to.have.length(2);
    expect((await probe.currentApi!.getCurrentStaff({})).id).to.equal('own');
  });

  it('has no adapter outside a provider', async () => {
    const probe = await fixture<ProbeElement>(html`<cl-test-probe></cl-test-probe>`);
    expect(probe.currentApi).to.equal(undefined);
  });

  it('applies the dark theme tokens to its subtree', async () => {
    const page = await fixture(html`<cl-provider theme="dark"><cl-test-probe></cl-test-probe></cl-provider>`);
    const probe = page.querySelector('cl-test-probe')!;
    expect(getComputedStyle(probe).getPropertyValue('--cl-color-surface').trim()).to.equal('#1d1f23');
    page.setAttribute('theme', 'light');
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(probe).getPropertyValue('--cl-color-surface').trim()).to.equal('');
  });
});
