import { expect, waitUntil } from '@open-wc/testing';
import { AUTOLOADED_TAGS, autoload, loadElement } from '../src/autoloader.js';

describe('the autoloader of the CDN build', () => {
  it('loads an element the first time its tag is in the document, and only that one', async () => {
    expect(customElements.get('cl-task-list')).to.equal(undefined);
    const stop = autoload(document);
    try {
      const host = document.createElement('div');
      host.innerHTML = '<cl-task-list></cl-task-list>';
      document.body.append(host);
      await waitUntil(() => customElements.get('cl-task-list'), 'cl-task-list was not loaded', { timeout: 10_000 });
      expect(host.querySelector('cl-task-list')!.matches(':defined')).to.equal(true);
      expect(customElements.get('cl-customer-transfer')).to.equal(undefined);
      host.remove();
    } finally {
      stop();
    }
  });

  it('stops watching when asked', async () => {
    autoload(document)();
    document.body.insertAdjacentHTML('beforeend', '<cl-staff-results id="late"></cl-staff-results>');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customElements.get('cl-staff-results')).to.equal(undefined);
    document.getElementById('late')!.remove();
  });

  it('loads ahead by tag, once, and refuses a tag it does not have', async () => {
    const first = loadElement('cl-staff-card');
    expect(loadElement('CL-STAFF-CARD')).to.equal(first);
    await first;
    expect(customElements.get('cl-staff-card')).to.be.a('function');
    let error: unknown;
    await loadElement('cl-nothing').catch((caught) => (error = caught));
    expect(String(error)).to.contain('<cl-nothing> is not an element of @clienteling/elements');
    expect(AUTOLOADED_TAGS).to.include('cl-customer-profile');
  });
});
