import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  AdapterError,
  DEFAULT_POLICY,
  LIMITS,
  type Broadcast,
  type BroadcastCap,
  type BroadcastPreview,
  type BroadcastRecipient,
  type BroadcastSkipReason,
  type CreateBroadcastInput,
  type ListBroadcastRecipientsInput,
  type PreviewBroadcastInput,
  type UploadMediaInput,
} from '@clienteling/core';
import { draftStore, MediaDraft } from '@clienteling/core/drafts.js';
import '../src/define.js';
import type { BroadcastComposer } from '../src/broadcast-composer.js';
import type { BroadcastComposerDraft } from '../src/index.js';
import { deferred, fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';
import { whileNeverIdle } from '../../../test/helpers/never-idle.js';
import { FRAME_PAGE_TIMEOUT, framePage, type FramePage } from '../../core/test/frame-page.js';

/* ------------------------------------------------------------------ a small broadcast backend */

interface StubCustomer {
  id: string;
  name: string;
  tagIds?: string[];
  /** Why a broadcast skips this customer now (the backend's rules, e.g. the cap). */
  skip?: BroadcastSkipReason;
}

const at = '2026-11-02T02:00:00.000Z';

/**
 * The backend side of broadcasts for element tests: previews and creates from a list of customers (each
 * skipped for the reason it carries), sends `perRead` waiting recipients on each read after the
 * confirmation, and pages recipients by position.
 */
function broadcastBackend(customers: StubCustomer[], cap: BroadcastCap = { perCustomer: 1, period: 'day' }) {
  const broadcasts = new Map<string, { broadcast: Broadcast; recipients: BroadcastRecipient[] }>();
  const byRequest = new Map<string, string>();
  const audienceOf = ({ audience }: Pick<PreviewBroadcastInput, 'audience'>) => {
    if (audience.type === 'all') return customers;
    if (audience.type === 'tags') return customers.filter((c) => c.tagIds?.some((id) => audience.tagIds.includes(id)));
    return audience.customerIds.map(
      (id) => customers.find((c) => c.id === id) ?? { id, name: '', skip: 'not-own-customer' as const },
    );
  };
  const preview = (input: PreviewBroadcastInput): BroadcastPreview => {
    const chosen = audienceOf(input);
    const skipped = chosen.filter((c) => c.skip);
    const skippedByReason = { 'limit-reached': 0, unreachable: 0, 'not-own-customer': 0, unsubscribed: 0 };
    for (const c of skipped) skippedByReason[c.skip!]++;
    return {
      recipientCount: chosen.length - skipped.length,
      skippedCount: skipped.length,
      skippedByReason,
      skipped: skipped.slice(0, 200).map((c) => ({ customerId: c.id, name: c.name || undefined, reason: c.skip! })),
      cap,
      periodStart: '2026-11-01T16:00:00.000Z',
      periodEnd: '2026-11-02T16:00:00.000Z',
      maxRecipients: 10_000,
    };
  };
  const counts = (recipients: BroadcastRecipient[]) => {
    const result = { pending: 0, 'awaiting-confirmation': 0, sent: 0, failed: 0, skipped: 0 };
    for (const r of recipients) result[r.status]++;
    return result;
  };
  const settle = (id: string, perRead: number) => {
    const entry = broadcasts.get(id)!;
    if (entry.broadcast.state === 'sending') {
      entry.recipients
        .filter((r) => r.status === 'awaiting-confirmation')
        .slice(0, perRead)
        .forEach((r) => Object.assign(r, { status: 'sent', sentAt: at }));
      if (!entry.recipients.some((r) => r.status === 'awaiting-confirmation')) {
        entry.broadcast = { ...entry.broadcast, state: 'done', completedAt: at };
      }
    }
    entry.broadcast = { ...entry.broadcast, counts: counts(entry.recipients) };
    return entry;
  };
  const backend = {
    broadcasts,
    /** Recipients sent on each read once confirmed. */
    perRead: 1,
    previewBroadcast: async (input: PreviewBroadcastInput) => preview(input),
    createBroadcast: async (input: CreateBroadcastInput): Promise<Broadcast> => {
      const known = byRequest.get(input.requestId);
      if (known) return broadcasts.get(known)!.broadcast;
      const id = `b-${broadcasts.size + 1}`;
      const recipients: BroadcastRecipient[] = audienceOf(input).map((c) =>
        c.skip
          ? { customerId: c.id, name: c.name || undefined, status: 'skipped', reason: c.skip }
          : { customerId: c.id, name: c.name, status: 'awaiting-confirmation' },
      );
      const broadcast: Broadcast = {
        id,
        requestId: input.requestId,
        staffId: 'staff-1',
        content: input.content,
        audience: input.audience,
        state: 'awaiting-confirmation',
        counts: counts(recipients),
        createdAt: at,
      };
      broadcasts.set(id, { broadcast, recipients });
      byRequest.set(input.requestId, id);
      return broadcast;
    },
    confirmBroadcast: async ({ broadcastId }: { broadcastId: string }) => {
      const entry = broadcasts.get(broadcastId)!;
      entry.broadcast = { ...entry.broadcast, state: 'sending', confirmedAt: at };
      return settle(broadcastId, 0).broadcast;
    },
    getBroadcast: async ({ broadcastId }: { broadcastId: string }) => {
      if (!broadcasts.has(broadcastId)) throw new AdapterError('not-found', 'no such broadcast');
      return settle(broadcastId, backend.perRead).broadcast;
    },
    listBroadcastRecipients: async ({ broadcastId, status, cursor, limit = 50 }: ListBroadcastRecipientsInput) => {
      const all = broadcasts.get(broadcastId)!.recipients.filter((r) => !status || r.status === status);
      const start = cursor ? Number(cursor) : 0;
      const items = all.slice(start, start + limit);
      return { items, nextCursor: start + limit < all.length ? String(start + limit) : null };
    },
  };
  return backend;
}

/** 182 customers who can be reached, 20 who already received a message today, 3 unreachable. */
function townCustomers(): StubCustomer[] {
  const reachable = Array.from({ length: 182 }, (_, i) => ({
    id: `c-${i + 1}`,
    name: `客户${String(i + 1).padStart(3, '0')}`,
    tagIds: i < 30 ? ['t1'] : [],
  }));
  const capped = Array.from({ length: 20 }, (_, i) => ({
    id: `cap-${i + 1}`,
    name: `今日已收${i + 1}`,
    skip: 'limit-reached' as const,
  }));
  const lost = Array.from({ length: 3 }, (_, i) => ({
    id: `lost-${i + 1}`,
    name: `失联${i + 1}`,
    skip: 'unreachable' as const,
    tagIds: ['t1'],
  }));
  return [...reachable, ...capped, ...lost];
}

const groups = [
  fixtures.tagGroup({
    id: 'g1',
    name: '偏好',
    tags: [
      fixtures.tag({ id: 't1', groupId: 'g1', name: '运动' }),
      fixtures.tag({ id: 't2', groupId: 'g1', name: '美妆' }),
    ],
  }),
];

type Impl = Parameters<typeof stubAdapter>[0];
let uploaded = 0;

function adapter(over: Impl = {}, caps = {}, customers = townCustomers(), cap?: BroadcastCap) {
  const backend = broadcastBackend(customers, cap);
  const a = stubAdapter(
    {
      getCurrentStaff: async () => fixtures.staff(),
      getPolicy: async () => DEFAULT_POLICY,
      listTagGroups: async () => groups,
      uploadMedia: async ({ file, onProgress }: UploadMediaInput) => {
        onProgress?.(0.5);
        return { url: `https://cdn.example.com/${++uploaded}`, size: file.size };
      },
      previewBroadcast: backend.previewBroadcast,
      createBroadcast: backend.createBroadcast,
      confirmBroadcast: backend.confirmBroadcast,
      getBroadcast: backend.getBroadcast,
      listBroadcastRecipients: backend.listBroadcastRecipients,
      ...over,
    },
    caps,
  );
  return Object.assign(a, { backend });
}

/* ------------------------------------------------------------------ helpers */

let keyCount = 0;
const newKey = () => `broadcast-test:${Date.now()}:${++keyCount}`;

async function mount(a: StubAdapter | undefined, { key = newKey(), lang = 'en', customerIds = '', refresh = 20 } = {}) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang}
      ><cl-broadcast-composer
        .adapter=${a}
        draft-key=${key}
        customer-ids=${customerIds}
        refresh-interval=${refresh}
        page-size="10"
      ></cl-broadcast-composer
    ></div>`,
  );
  const el = wrap.querySelector('cl-broadcast-composer')!;
  if (a) {
    await waitUntil(
      () =>
        q(el, 'textarea') ||
        q(el, '[role=alert]') ||
        q(el, '[part=read-only]') ||
        q(el, '.progress') ||
        q(el, '.notice'),
      'composer did not load',
    );
  }
  return el;
}

/** Opens a page of its own (an iframe) with the composer defined, that reloads like a tab. */
const composerPage = () => framePage(new URL('../src/define.ts', import.meta.url).pathname);

/** Mounts a composer in `page` (its own window, IndexedDB connection and `pagehide`) and waits for its form. */
async function mountInPage(page: FramePage<unknown>, a: StubAdapter, key: string) {
  const el = page.document.createElement('cl-broadcast-composer') as BroadcastComposer;
  el.setAttribute('draft-key', key);
  el.adapter = a;
  page.document.body.append(el);
  await waitUntil(() => q(el, 'textarea'), 'composer did not load', { timeout: FRAME_PAGE_TIMEOUT });
  return el;
}

const q = <E extends Element = HTMLElement>(el: BroadcastComposer, sel: string) =>
  el.shadowRoot!.querySelector<E & HTMLElement>(sel);
/** The composer's `<cl-tag-picker>`, once its code (loaded when "by tags" is chosen) has rendered it. */
async function tagPicker(el: BroadcastComposer) {
  await customElements.whenDefined('cl-tag-picker');
  const picker = q(el, 'cl-tag-picker') as HTMLElementTagNameMap['cl-tag-picker'];
  await picker.updateComplete;
  return picker;
}
const qa = (el: BroadcastComposer, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (el: BroadcastComposer) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const reach = (el: BroadcastComposer) => q(el, '[part=reach]')!.textContent!.replace(/\s+/g, ' ').trim();
const sendButton = (el: BroadcastComposer) => q<HTMLButtonElement>(el, '[part=send-button]')!;
const why = (el: BroadcastComposer) => q(el, '#why')!.textContent!.trim();
const button = (el: BroadcastComposer, label: string) =>
  qa(el, 'button').find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === label) as HTMLButtonElement;
/** Waits until the element's animations (the feedback's fade-in) are over, so that axe sees final colours. */
const animationsDone = (el: BroadcastComposer) =>
  Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));
/** The saved draft with its attachments (kept in a record of their own). */
const draftIn = (key: string) => new MediaDraft<BroadcastComposerDraft>(draftStore(), key).get();

async function type(el: BroadcastComposer, value: string) {
  const area = q<HTMLTextAreaElement>(el, 'textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const sentence = (el: BroadcastComposer, words: string) =>
  waitUntil(() => reach(el).includes(words), `expected the reach to say “${words}”, it says “${reach(el)}”`);

/** Writes a message, waits for the reach, opens the confirmation and sends. */
async function sendFromForm(el: BroadcastComposer, message = '双十一会员专享') {
  await type(el, message);
  await waitUntil(() => !sendButton(el).disabled, 'send stayed disabled');
  sendButton(el).click();
  await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'no confirmation');
  button(el, 'Send').click();
}

async function png(w = 20, h = 20, name = `photo-${w}x${h}.png`) {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.fillRect(0, 0, w, h);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

async function pick(el: BroadcastComposer, files: File[]) {
  const input = q<HTMLInputElement>(el, '#file')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

// The add tile opens the file chooser: in a test it must stay closed.
const keepFileChoosersClosed = (e: Event) => {
  if ((e.composedPath()[0] as HTMLInputElement).type === 'file') e.preventDefault();
};
before(() => document.addEventListener('click', keepFileChoosersClosed, true));
after(() => document.removeEventListener('click', keepFileChoosersClosed, true));

/* ------------------------------------------------------------------ tests */

describe('cl-broadcast-composer', () => {
  describe('states', () => {
    it('shows an accessible skeleton, then the form', async () => {
      const staff = deferred<ReturnType<typeof fixtures.staff>>();
      const a = adapter({ getCurrentStaff: () => staff.promise });
      const wrap = await fixture(
        html`<div lang="en"><cl-broadcast-composer .adapter=${a} draft-key=${newKey()}></cl-broadcast-composer></div>`,
      );
      const el = wrap.querySelector('cl-broadcast-composer')!;
      expect(qa(el, '.cl-skeleton').length).to.be.greaterThan(3);
      expect(q(el, '[aria-busy=true]')).not.to.equal(null);
      await expect(el).to.be.accessible();
      staff.resolve(fixtures.staff());
      await waitUntil(() => q(el, 'textarea'));
      expect(text(el)).to.include('New broadcast');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry when loading fails, and loads on retry', async () => {
      let fail = true;
      const real = adapter();
      const a = adapter({
        getCurrentStaff: async () => {
          if (fail) throw new AdapterError('unavailable', 'offline', { retryable: true });
          return fixtures.staff();
        },
        previewBroadcast: real.backend.previewBroadcast,
      });
      const el = await mount(a);
      expect(q(el, '[role=alert]')!.textContent).to.include('unavailable');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry').click();
      await waitUntil(() => q(el, 'textarea'));
    });

    it('says so when no adapter is given', async () => {
      const el = await mount(undefined);
      expect(text(el)).to.match(/adapter/i);
      await expect(el).to.be.accessible();
    });

    it('shows a read-only notice without the broadcast capability', async () => {
      const el = await mount(adapter({}, { broadcast: false }));
      expect(q(el, '[part=read-only]')!.textContent).to.include('not send them');
      expect(q(el, 'textarea')).to.equal(null);
      expect(q(el, '[part=send-button]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says when the associate has no customers yet', async () => {
      const el = await mount(adapter({}, {}, []));
      expect(text(el)).to.include('You have no customers to send to yet.');
      expect(q(el, 'textarea')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('speaks Chinese by default', async () => {
      const wrap = await fixture(
        html`<div><cl-broadcast-composer .adapter=${adapter()} draft-key=${newKey()}></cl-broadcast-composer></div>`,
      );
      const el = wrap.querySelector('cl-broadcast-composer')!;
      await waitUntil(() => q(el, 'textarea'));
      expect(text(el)).to.include('新建群发').and.include('发送给');
      await expect(el).to.be.accessible();
    });

    it('says when the network is gone, blocks sending and keeps the draft, and clears when it is back', async () => {
      const el = await mount(adapter());
      await type(el, '今晚 8 点直播');
      await sentence(el, 'Will reach 182');
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      try {
        setOnline(false);
        await el.updateComplete;
        expect(q(el, '[part=offline]')!.textContent).to.include('You are offline');
        expect(sendButton(el).disabled).to.equal(true);
        expect(why(el)).to.equal('You are offline; the draft is kept.');
        await expect(el).to.be.accessible();
        setOnline(true);
        await el.updateComplete;
        expect(q(el, '[part=offline]')).to.equal(null);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      expect(sendButton(el).disabled).to.equal(false);
    });
  });

  describe('content', () => {
    it('counts the text in UTF-8 bytes against the 4,000 of the platform', async () => {
      const el = await mount(adapter());
      await type(el, '会员日'); // 9 bytes
      expect(q(el, '[part=counter]')!.textContent!.trim()).to.equal('9/4,000 bytes');
      await type(el, '好'.repeat(1334)); // 4,002 bytes
      await sentence(el, 'Will reach');
      expect(q(el, '[part=counter]')!.hasAttribute('data-over')).to.equal(true);
      expect(q(el, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');
      expect(sendButton(el).disabled).to.equal(true);
      expect(why(el)).to.equal('2 bytes too many.');
      await expect(el).to.be.accessible();
      await type(el, '好'.repeat(1333)); // 3,999 bytes
      expect(sendButton(el).disabled).to.equal(false);
    });

    it("blocks a script's per-customer variable, which a broadcast would send as written", async () => {
      const el = await mount(adapter());
      await type(el, '{customerName}，您好！会员日到店有礼');
      await sentence(el, 'Will reach');
      expect(sendButton(el).disabled).to.equal(true);
      expect(why(el)).to.equal(
        'A broadcast sends the same words to everyone: {customerName} would arrive as written. Rewrite it.',
      );
      await type(el, '您好！会员日到店有礼，{unknown} 不是变量');
      expect(sendButton(el).disabled).to.equal(false);
    });

    it('needs text or an attachment', async () => {
      const el = await mount(adapter());
      await sentence(el, 'Will reach');
      expect(why(el)).to.equal('Write a message or add an attachment.');
    });

    it('mixes images and cards up to 9 attachments, through the shared attachment editor', async () => {
      const a = adapter();
      const el = await mount(a);
      button(el, '+ Link').click();
      button(el, '+ Mini program').click();
      await el.updateComplete;
      expect(qa(el, '[part=card]')).to.have.length(2);
      await pick(el, await Promise.all(Array.from({ length: 8 }, (_, i) => png(10, 10, `p${i}.png`))));
      await waitUntil(() => qa(el, '.thumb[data-index]').length === 7, 'expected 7 images');
      await waitUntil(() => q(el, '.notices')!.textContent!.includes('At most 9 attachments: the rest left out'));
      expect(q(el, '#move-hint')!.textContent).to.include('9 of 9 attachments');
      expect(button(el, '+ Link').disabled).to.equal(true);
      expect(q(el, '.add')).to.equal(null);
      expect(a.callsTo('uploadMedia')).to.have.length(7);
      await waitUntil(() => !text(el).includes('Wait for uploads'));
      expect(why(el)).to.equal('Complete or remove the link and mini program cards.');
      const [url, title] = qa(el, '[part=card] input') as HTMLInputElement[];
      url!.value = 'https://shop.example.com/d11';
      url!.dispatchEvent(new Event('input'));
      title!.value = '双十一预售';
      title!.dispatchEvent(new Event('input'));
      button(el, 'Remove Mini program 1').click();
      await el.updateComplete;
      await type(el, '新品到店');
      await waitUntil(() => !sendButton(el).disabled);
      await expect(el).to.be.accessible();
      sendButton(el).click();
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'no confirmation');
      button(el, 'Send').click();
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
      const { content } = a.callsTo('createBroadcast')[0] as CreateBroadcastInput;
      expect(content.text).to.equal('新品到店');
      expect(content.attachments.map((item) => item.kind)).to.deep.equal([...Array(7).fill('image'), 'link']);
      expect(content.attachments[7]).to.deep.equal({
        kind: 'link',
        link: { url: 'https://shop.example.com/d11', title: '双十一预售', coverUrl: undefined },
      });
    });

    it('takes content from the page with setContent (e.g. “use in broadcast” from the script library)', async () => {
      const a = adapter();
      const el = await mount(a);
      el.setContent({
        text: '王女士，您好！秋冬新品到店',
        attachments: [
          { kind: 'image', image: { url: 'https://cdn.example.com/new.jpg' } },
          { kind: 'miniprogram', miniprogram: { appId: 'wx123456', pagePath: 'pages/goods/index', title: '秋冬新品' } },
        ],
      });
      await el.updateComplete;
      expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('王女士，您好！秋冬新品到店');
      expect(q(el, '.given img')!.getAttribute('src')).to.equal('https://cdn.example.com/new.jpg');
      const fields = qa(el, '[part=card] input') as HTMLInputElement[];
      expect(fields.map((input) => input.value)).to.deep.equal(['wx123456', 'pages/goods/index', '秋冬新品', '']);
      await waitUntil(() => !sendButton(el).disabled);
      await expect(el).to.be.accessible();
      sendButton(el).click();
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'no confirmation');
      button(el, 'Send').click();
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
      expect((a.callsTo('createBroadcast')[0] as CreateBroadcastInput).content.attachments).to.deep.equal([
        { kind: 'image', image: { url: 'https://cdn.example.com/new.jpg' } },
        {
          kind: 'miniprogram',
          miniprogram: { appId: 'wx123456', pagePath: 'pages/goods/index', title: '秋冬新品', coverUrl: undefined },
        },
      ]);
    });
  });

  describe('audience and the live preview of reach', () => {
    it('says whom it reaches and who is skipped and why, with the skipped listed by name', async () => {
      const el = await mount(adapter());
      await sentence(el, 'Will reach 182; 23 skipped: 20 already received a message today, 3 not reachable');
      expect(q(el, '#skipped')).to.equal(null);
      const toggle = button(el, 'Show who is skipped');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      const rows = qa(el, '#skipped li');
      expect(rows).to.have.length(23);
      expect(rows[0]!.textContent).to.include('今日已收1').and.include('already received a message today');
      expect(rows[22]!.textContent).to.include('失联3').and.include('not reachable');
      expect(button(el, 'Hide the list').getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says it in Chinese, with the period of the cap (today, this week, this month)', async () => {
      const el = await mount(adapter(), { lang: 'zh-CN' });
      await sentence(el, '将发送给 182 位客户；23 位跳过：20 位今天已收到消息，3 位无法联系');
      await expect(el).to.be.accessible();
      const weekly = await mount(adapter({}, {}, townCustomers(), { perCustomer: 2, period: 'week' }), {
        lang: 'zh-CN',
      });
      await sentence(weekly, '20 位本周已收到 2 条消息');
      const monthly = await mount(adapter({}, {}, townCustomers(), { perCustomer: 1, period: 'month' }));
      await sentence(monthly, '20 already received a message this month');
      const weeklyEn = await mount(adapter({}, {}, townCustomers(), { perCustomer: 3, period: 'week' }));
      await sentence(weeklyEn, '20 already received 3 messages this week');
    });

    it('asks again as the audience changes (tags through cl-tag-picker) and drops stale answers', async () => {
      const real = adapter();
      const held: Array<{ input: PreviewBroadcastInput; answer: ReturnType<typeof deferred<BroadcastPreview>> }> = [];
      let loaded = false;
      const a = adapter({
        previewBroadcast: (input) => {
          if (!loaded) return real.backend.previewBroadcast(input);
          const answer = deferred<BroadcastPreview>();
          held.push({ input, answer });
          return answer.promise;
        },
      });
      const el = await mount(a);
      await sentence(el, 'Will reach 182');
      loaded = true;
      (qa(el, 'input[type=radio]') as HTMLInputElement[])[1]!.click();
      await el.updateComplete;
      await type(el, '周末活动');
      expect(why(el)).to.equal('Choose at least one tag.');
      const picker = await tagPicker(el);
      expect(picker.multiple).to.equal(true);
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="t1"]')!.click();
      await waitUntil(() => held.length === 1, 'the tags preview was not asked');
      expect(held[0]!.input).to.deep.equal({ audience: { type: 'tags', tagIds: ['t1'] } });
      expect(reach(el)).to.equal('Checking who it will reach…');
      (qa(el, 'input[type=radio]') as HTMLInputElement[])[0]!.click();
      await waitUntil(() => held.length === 2, 'the second preview was not asked');
      // The answer for "all" arrives first, then the stale one for the tag: the tag's is dropped.
      const [forTags, forAll] = held as [(typeof held)[0], (typeof held)[0]];
      forAll.answer.resolve(await real.backend.previewBroadcast(forAll.input));
      await sentence(el, 'Will reach 182; 23 skipped');
      forTags.answer.resolve(await real.backend.previewBroadcast(forTags.input));
      await new Promise((r) => setTimeout(r, 20));
      expect(reach(el)).to.include('Will reach 182; 23 skipped');
    });

    it('sends to the list the page gives (customer-ids), naming ids that are not the associate’s', async () => {
      const a = adapter();
      const el = await mount(a, { customerIds: 'c-1 c-2 cap-1 stranger' });
      expect((qa(el, 'input[type=radio]') as HTMLInputElement[])[0]!.checked).to.equal(true);
      expect(text(el)).to.include('The 4 chosen customers');
      await sentence(el, 'Will reach 2; 2 skipped: 1 already received a message today, 1 not your customers');
      button(el, 'Show who is skipped').click();
      await el.updateComplete;
      expect(q(el, '#skipped')!.textContent).to.include('Customer stranger').and.include('not your customer');
      await sendFromForm(el);
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
      expect((a.callsTo('createBroadcast')[0] as CreateBroadcastInput).audience).to.deep.equal({
        type: 'customers',
        customerIds: ['c-1', 'c-2', 'cap-1', 'stranger'],
      });
    });

    it('takes a list the page sets later (the customerIds property) as the audience, and previews it', async () => {
      const el = await mount(adapter());
      await sentence(el, 'Will reach 182; 23 skipped');
      el.customerIds = ['c-5', 'lost-1'];
      await sentence(el, 'Will reach 1; 1 skipped: 1 not reachable');
      expect((qa(el, 'input[type=radio]') as HTMLInputElement[])[0]!.checked).to.equal(true);
      expect(text(el)).to.include('The 2 chosen customers');
    });

    it('blocks a broadcast that reaches no one, or more than the most recipients', async () => {
      const el = await mount(adapter({}, {}, [{ id: 'cap-1', name: '林', skip: 'limit-reached' }]));
      await type(el, '你好');
      await sentence(el, 'Will reach 0; 1 skipped');
      expect(why(el)).to.equal('No one to send to.');
      const real = adapter();
      const big = await mount(
        adapter({
          previewBroadcast: async (input) => ({ ...(await real.backend.previewBroadcast(input)), maxRecipients: 100 }),
        }),
      );
      await type(big, '你好');
      await sentence(big, 'Will reach 182');
      expect(why(big)).to.equal('At most 100 recipients per broadcast.');
    });

    it('shows a failed preview with a retry', async () => {
      let fail = true;
      const real = adapter();
      const a = adapter({
        previewBroadcast: async (input) => {
          if (input.audience.type === 'tags' && fail)
            throw new AdapterError('unavailable', 'down', { retryable: true });
          return real.backend.previewBroadcast(input);
        },
      });
      const el = await mount(a);
      (qa(el, 'input[type=radio]') as HTMLInputElement[])[1]!.click();
      await el.updateComplete;
      const picker = await tagPicker(el);
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="t1"]')!.click();
      await sentence(el, 'Could not check who it will reach.');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry').click();
      await sentence(el, 'Will reach 30; 3 skipped: 3 not reachable');
    });
  });

  describe('sending exactly once, then following it', () => {
    it('confirms in a dialog and creates the broadcast once for a double click, with cl-broadcast-created', async () => {
      const a = adapter();
      const el = await mount(a);
      await type(el, '双十一会员专享');
      await waitUntil(() => !sendButton(el).disabled);
      sendButton(el).click();
      const dialog = q<HTMLDialogElement>(el, 'dialog')!;
      await waitUntil(() => dialog.open);
      expect(dialog.textContent).to.include('It goes to 182 customers.').and.include('confirm the send in WeCom');
      await expect(el).to.be.accessible();
      const created = oneEvent(el, 'cl-broadcast-created');
      const send = button(el, 'Send');
      send.click();
      send.click();
      const { detail } = await created;
      expect(detail.broadcast.state).to.equal('awaiting-confirmation');
      await new Promise((r) => setTimeout(r, 100));
      expect(a.callsTo('createBroadcast')).to.have.length(1);
      expect(dialog.open).to.equal(false);
    });

    it('keeps the request id across a failed create and a retry, so a lost answer never sends twice', async () => {
      let fail = true;
      const a: ReturnType<typeof adapter> = adapter({
        createBroadcast: async (input) => {
          const broadcast = await a.backend.createBroadcast(input);
          if (fail) throw new AdapterError('unavailable', 'timeout', { retryable: true, reason: 'timeout' });
          return broadcast;
        },
      });
      const el = await mount(a);
      await sendFromForm(el);
      await waitUntil(() => text(el).includes('Not sure it went through'));
      expect(text(el)).to.include('never created twice');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry').click();
      await waitUntil(() => q(el, '.progress'), 'no progress');
      const [first, second] = a.callsTo('createBroadcast') as CreateBroadcastInput[];
      expect(second!.requestId).to.equal(first!.requestId);
      expect(a.backend.broadcasts.size).to.equal(1);
    });

    it('asks the associate to confirm the send in WeCom, then follows progress until done (cl-broadcast-done)', async () => {
      const a = adapter({}, {}, townCustomers().slice(0, 12).concat(townCustomers().slice(182, 184)));
      a.backend.perRead = 4;
      const key = newKey();
      const el = await mount(a, { key });
      await sendFromForm(el);
      await waitUntil(() => text(el).includes('Confirm the send in WeCom'));
      expect(text(el)).to.include('open the message to 12 customers in WeCom');
      expect(q(el, '[role=tab][aria-selected=true]')!.textContent).to.include('All').and.include('14');
      await waitUntil(() => qa(el, '[part=recipient]').length === 10);
      expect(q(el, '[part=recipient]')!.textContent).to.include('Awaiting confirmation');
      await expect(el).to.be.accessible();
      const done = oneEvent(el, 'cl-broadcast-done');
      button(el, 'I confirmed it in WeCom').click();
      await waitUntil(() => text(el).includes('Sending…') || text(el).includes('Done'));
      const { detail } = await done;
      expect(detail.broadcast.counts).to.deep.include({ sent: 12, skipped: 2, 'awaiting-confirmation': 0 });
      expect(a.callsTo('confirmBroadcast')).to.have.length(1);
      expect(a.callsTo('getBroadcast').length).to.be.greaterThan(2);
      await waitUntil(() => text(el).includes('12 of 12 handled'));
      expect(q(el, '.state')!.textContent).to.equal('Done');
      await waitUntil(async () => (await draftIn(key)) === undefined, 'the draft was not cleared');
      const reads = a.callsTo('getBroadcast').length;
      await new Promise((r) => setTimeout(r, 80));
      expect(a.callsTo('getBroadcast').length, 'stops reading once done').to.equal(reads);
      await animationsDone(el);
      await expect(el).to.be.accessible();
      button(el, 'New broadcast').click();
      await el.updateComplete;
      expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
    });

    it('shows each recipient’s result by status tab, with paging and keyboard', async () => {
      const a = adapter();
      a.backend.perRead = 1000;
      const el = await mount(a, { lang: 'en' });
      await sendFromForm(el);
      await waitUntil(() => button(el, 'I confirmed it in WeCom'));
      button(el, 'I confirmed it in WeCom').click();
      await waitUntil(() => q(el, '.state')?.textContent === 'Done');
      const tab = (name: string) => qa(el, '[role=tab]').find((t) => t.textContent!.startsWith(name))!;
      // Only the statuses that have recipients: none failed, none waits.
      expect(qa(el, '[role=tab]').map((t) => t.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'All 205',
        'Sent 182',
        'Skipped 23',
      ]);
      tab('Skipped').click();
      await el.updateComplete;
      await waitUntil(() => qa(el, '[part=recipient]').length === 10 && !text(el).includes('Loading'));
      expect(a.callsTo('listBroadcastRecipients').at(-1)).to.deep.include({ status: 'skipped', limit: 10 });
      expect(qa(el, '[part=recipient]')[0]!.textContent).to.include('Skipped').and.include('already received');
      button(el, 'Show more').click();
      await waitUntil(() => qa(el, '[part=recipient]').length === 20);
      button(el, 'Show more').click();
      await waitUntil(() => qa(el, '[part=recipient]').length === 23);
      expect(button(el, 'Show more')).to.equal(undefined);
      await expect(el).to.be.accessible();
      tab('Skipped').focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => tab('All').getAttribute('aria-selected') === 'true');
      expect(el.shadowRoot!.activeElement).to.equal(tab('All'));
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => tab('Skipped').getAttribute('aria-selected') === 'true');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => tab('All').getAttribute('aria-selected') === 'true');
      await sendKeys({ press: 'End' });
      await waitUntil(() => tab('Skipped').getAttribute('aria-selected') === 'true');
      tab('Sent').click();
      await waitUntil(() =>
        a.callsTo('listBroadcastRecipients').some((i) => (i as { status?: string }).status === 'sent'),
      );
      await waitUntil(() => qa(el, '[part=recipient]')[0]?.textContent!.includes('Sent'));
    });

    it('answers with the keyboard: Tab reaches the send button, Escape closes the dialog without sending', async () => {
      const a = adapter();
      const el = await mount(a);
      await type(el, '周末活动');
      await waitUntil(() => !sendButton(el).disabled);
      sendButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
      expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Cancel');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !q<HTMLDialogElement>(el, 'dialog')!.open);
      expect(a.callsTo('createBroadcast')).to.have.length(0);
      sendButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Send');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
    });

    it('loads the confirmation’s code when Send is tapped and opens it filled in, then focuses the progress', async () => {
      const a = adapter();
      const el = await whileNeverIdle(() => mount(a)); // only Send asks for the code
      await type(el, '双十一会员专享');
      await waitUntil(() => !sendButton(el).disabled);
      const dialog = q<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.textContent!.trim(), 'no confirmation before its code is asked for').to.equal('');
      const showModal = dialog.showModal.bind(dialog);
      let shown = '';
      dialog.showModal = () => {
        shown = dialog.textContent!;
        showModal();
      };
      sendButton(el).click();
      await waitUntil(() => dialog.open, 'no confirmation');
      expect(shown).to.include('It goes to 182 customers.');
      expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Cancel');
      button(el, 'Send').click();
      await waitUntil(() => q(el, '.progress'), 'no progress');
      expect(q(el, '.cl-on-demand')).to.equal(null);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'progress-title', 'the progress was not focused');
    });
  });

  describe('the cap (issue 21: done when), on a stub backend', () => {
    it('shows a customer over the cap as skipped before sending, and does not send to them', async () => {
      const a = adapter();
      a.backend.perRead = 100;
      const el = await mount(a, { customerIds: 'c-1 c-2 cap-1' });
      await sentence(el, 'Will reach 2; 1 skipped: 1 already received a message today');
      button(el, 'Show who is skipped').click();
      await el.updateComplete;
      expect(q(el, '#skipped li[data-reason=limit-reached]')!.textContent).to.include('今日已收1');
      await sendFromForm(el);
      await waitUntil(() => button(el, 'I confirmed it in WeCom'));
      button(el, 'I confirmed it in WeCom').click();
      await waitUntil(() => q(el, '.state')?.textContent === 'Done');
      const recipients = (a.backend.broadcasts.get('b-1')!.recipients as BroadcastRecipient[]).map((r) => [
        r.customerId,
        r.status,
      ]);
      expect(recipients).to.deep.equal([
        ['c-1', 'sent'],
        ['c-2', 'sent'],
        ['cap-1', 'skipped'],
      ]);
      qa(el, '[role=tab]')
        .find((t) => t.textContent!.startsWith('Skipped'))!
        .click();
      await waitUntil(() => qa(el, '[part=recipient]').length === 1 && !text(el).includes('Loading'));
      expect(q(el, '[part=recipient]')!.textContent).to.include('今日已收1').and.include('already received');
    });
  });

  describe('drafts survive a reload', () => {
    it('restores text, cards, audience and request id, and a retry after the reload reuses that id', async () => {
      const key = newKey();
      const a = adapter();
      const el = await mount(a, { key });
      await type(el, '会员日提醒');
      button(el, '+ Link').click();
      await el.updateComplete;
      const [url, title] = qa(el, '[part=card] input') as HTMLInputElement[];
      url!.value = 'https://shop.example.com/vip';
      url!.dispatchEvent(new Event('input'));
      title!.value = '会员日';
      title!.dispatchEvent(new Event('input'));
      (qa(el, 'input[type=radio]') as HTMLInputElement[])[1]!.click();
      await el.updateComplete;
      const picker = await tagPicker(el);
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="t1"]')!.click();
      await waitUntil(async () => (await draftIn(key))?.tagIds.length === 1, 'the draft was not saved');
      const saved = (await draftIn(key))!;
      el.parentElement!.remove();

      const again = await mount(a, { key });
      expect(q<HTMLTextAreaElement>(again, 'textarea')!.value).to.equal('会员日提醒');
      expect((qa(again, '[part=card] input')[0] as HTMLInputElement).value).to.equal('https://shop.example.com/vip');
      expect((qa(again, 'input[type=radio]') as HTMLInputElement[])[1]!.checked).to.equal(true);
      await sentence(again, 'Will reach 30; 3 skipped: 3 not reachable');
      await waitUntil(() => !sendButton(again).disabled);
      sendButton(again).click();
      await waitUntil(() => q<HTMLDialogElement>(again, 'dialog')!.open, 'no confirmation');
      button(again, 'Send').click();
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
      expect((a.callsTo('createBroadcast')[0] as CreateBroadcastInput).requestId).to.equal(saved.requestId);
    });

    it('saves each change at once, not after a pause', async () => {
      const key = newKey();
      const el = await mount(adapter(), { key });
      await type(el, '会员日');
      expect((await draftIn(key))?.text).to.equal('会员日');
      await type(el, '会员日提醒');
      expect((await draftIn(key))?.text).to.equal('会员日提醒');
    });

    it('keeps what was typed right before the page reloads, without a pause for the save', async () => {
      const key = newKey();
      const a = adapter();
      const page = await composerPage();
      await type(await mountInPage(page, a, key), '会员日提醒，最后几个字');
      await page.reload();
      const again = await mountInPage(page, a, key);
      expect(q<HTMLTextAreaElement>(again, 'textarea')!.value).to.equal('会员日提醒，最后几个字');
      page.remove();
    });

    it('restores uploaded images after a reload without uploading them again, and sends them', async () => {
      const key = newKey();
      const a = adapter();
      const el = await mount(a, { key });
      await pick(el, [await png(12, 12, 'a.png'), await png(14, 14, 'b.png')]);
      await waitUntil(() => qa(el, '.thumb[data-index]').length === 2 && !q(el, '.thumb progress'), 'no uploads');
      await waitUntil(async () => (await draftIn(key))?.media.every((m) => m.status === 'done'), 'not saved');
      el.parentElement!.remove();
      const again = await mount(a, { key });
      expect(qa(again, '.thumb[data-index] img')).to.have.length(2);
      expect(a.callsTo('uploadMedia')).to.have.length(2);
      await waitUntil(() => !sendButton(again).disabled, 'images alone can be sent');
      sendButton(again).click();
      await waitUntil(() => q<HTMLDialogElement>(again, 'dialog')!.open, 'no confirmation');
      button(again, 'Send').click();
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
      const { content } = a.callsTo('createBroadcast')[0] as CreateBroadcastInput;
      expect(content.attachments.map((item) => item.kind === 'image' && item.image.width)).to.deep.equal([12, 14]);
    });

    it('goes back to the draft when the broadcast it followed is unknown to the adapter (a new intent)', async () => {
      const key = newKey();
      await draftStore().set(key, {
        requestId: 'old-request',
        text: '上次的草稿',
        media: [],
        cards: [],
        given: [],
        audience: 'all',
        tagIds: [],
        customerIds: [],
        broadcastId: 'gone',
      } satisfies BroadcastComposerDraft);
      const a = adapter();
      const el = await mount(a, { key });
      await waitUntil(() => q(el, 'textarea'), 'not back to the draft');
      expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('上次的草稿');
      await sentence(el, 'Will reach 182');
      expect(sendButton(el).disabled).to.equal(false);
      sendButton(el).click();
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open, 'no confirmation');
      button(el, 'Send').click();
      await waitUntil(() => a.callsTo('createBroadcast').length === 1);
      expect((a.callsTo('createBroadcast')[0] as CreateBroadcastInput).requestId).not.to.equal('old-request');
    });

    it('resumes following a broadcast after a reload', async () => {
      const key = newKey();
      const a = adapter();
      const el = await mount(a, { key });
      await sendFromForm(el);
      await waitUntil(() => button(el, 'I confirmed it in WeCom'));
      await waitUntil(async () => !!(await draftIn(key))?.broadcastId, 'the broadcast id was not saved');
      el.parentElement!.remove();
      const again = await mount(a, { key });
      await waitUntil(() => button(again, 'I confirmed it in WeCom'), 'did not resume');
      expect(a.callsTo('createBroadcast')).to.have.length(1);
      expect(text(again)).to.include('Broadcast progress');
    });
  });

  describe('accessible in Chinese too, in every state', () => {
    it('loading, the form with the skipped listed, the dialog, the confirmation in WeCom and the results', async () => {
      const staff = deferred<ReturnType<typeof fixtures.staff>>();
      const a = adapter({ getCurrentStaff: () => staff.promise });
      a.backend.perRead = 1000;
      const wrap = await fixture(
        html`<div lang="zh-CN"
          ><cl-broadcast-composer .adapter=${a} draft-key=${newKey()} refresh-interval="20"></cl-broadcast-composer
        ></div>`,
      );
      const el = wrap.querySelector('cl-broadcast-composer')!;
      await expect(el).to.be.accessible();
      staff.resolve(fixtures.staff());
      await waitUntil(() => q(el, 'textarea'));
      await sentence(el, '将发送给 182 位客户');
      button(el, '查看跳过的客户').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await type(el, '双十一会员专享');
      await waitUntil(() => !sendButton(el).disabled);
      sendButton(el).click();
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
      expect(q(el, 'dialog')!.textContent).to.include('将发送给 182 位客户。').and.include('在企业微信中确认发送');
      await expect(el).to.be.accessible();
      button(el, '发送').click();
      await waitUntil(() => button(el, '已在企业微信确认'));
      expect(text(el)).to.include('请在企业微信中确认发送');
      await expect(el).to.be.accessible();
      button(el, '已在企业微信确认').click();
      await waitUntil(() => q(el, '.state')?.textContent === '已完成');
      await animationsDone(el);
      expect(text(el)).to.include('已处理 182/182');
      await expect(el).to.be.accessible();
    });

    it('read-only, no customers, a load error and the offline notice', async () => {
      const readOnly = await mount(adapter({}, { broadcast: false }), { lang: 'zh-CN' });
      expect(q(readOnly, '[part=read-only]')!.textContent).to.include('没有群发权限');
      await expect(readOnly).to.be.accessible();
      const empty = await mount(adapter({}, {}, []), { lang: 'zh-CN' });
      expect(text(empty)).to.include('你还没有可以群发的客户。');
      await expect(empty).to.be.accessible();
      const failing = await mount(
        adapter({
          getCurrentStaff: async () => Promise.reject(new AdapterError('unavailable', 'down', { retryable: true })),
        }),
        { lang: 'zh-CN' },
      );
      expect(q(failing, '[role=alert] button')!.textContent).to.equal('重试');
      await expect(failing).to.be.accessible();
      const el = await mount(adapter(), { lang: 'zh-CN' });
      await type(el, '周末活动');
      try {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
        dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(why(el)).to.equal('网络已断开，草稿会保留。');
        await expect(el).to.be.accessible();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
        dispatchEvent(new Event('online'));
      }
    });
  });

  it('says in English and Chinese how many are skipped and why, every reason', async () => {
    const customers: StubCustomer[] = [
      { id: 'a', name: '甲' },
      { id: 'b', name: '乙', skip: 'unsubscribed' },
      { id: 'c', name: '丙', skip: 'unreachable' },
    ];
    const el = await mount(adapter({}, {}, customers), { customerIds: 'a b c x' });
    await sentence(el, 'Will reach 1; 3 skipped: 1 not reachable, 1 not your customers, 1 refused company messages');
    const zh = await mount(adapter({}, {}, customers), { customerIds: 'a b c x', lang: 'zh-CN' });
    await sentence(zh, '将发送给 1 位客户；3 位跳过：1 位无法联系，1 位不是你的客户，1 位已拒收');
    expect(LIMITS.broadcastAttachmentsMax).to.equal(9);
  });
});
