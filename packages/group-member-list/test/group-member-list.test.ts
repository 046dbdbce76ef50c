import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AdapterError, type Capabilities, type Group, type GroupMember, type OperationInput } from '@clienteling/core';
import '@clienteling/core/define.js';
import '../src/define.js';
import { GroupMemberList, SEARCH_DEBOUNCE_MS } from '../src/index.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { deferred, fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';
import { textContrast } from '../../../test/helpers/contrast.js';
import { linesOf, splitWords } from '../../../test/helpers/layout.js';

/** `n` members: m-0 is the owner, every 25th an admin, every 10th staff, every 3rd has a nickname. */
function makeMembers(n: number): GroupMember[] {
  return Array.from({ length: n }, (_, i) =>
    fixtures.member({
      id: `m-${i}`,
      name: `Member ${String(i).padStart(5, '0')}`,
      nickname: i % 3 === 0 ? `Nick ${i}` : undefined,
      type: i % 10 === 0 ? 'staff' : 'customer',
      companyName: i % 10 === 0 ? '百联' : undefined,
      role: i === 0 ? 'owner' : i % 25 === 1 ? 'admin' : 'member',
      joinedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      joinScene: (['qrcode', 'link', 'invited'] as const)[i % 3],
      inviterName: i % 3 === 2 ? '王丽' : undefined,
    }),
  );
}

type ListInput = OperationInput<'listGroupMembers'>;

/** A faithful in-memory `listGroupMembers`: query, filter, sort and an offset cursor. */
function listFrom(all: GroupMember[]) {
  return async ({ query, filter, sort, cursor, limit }: ListInput) => {
    const q = (query ?? '').toLowerCase();
    let list = all.filter(
      (m) =>
        (!q || m.name.toLowerCase().includes(q) || (m.nickname ?? '').toLowerCase().includes(q)) &&
        (filter === 'staff'
          ? m.type === 'staff'
          : filter === 'customer'
            ? m.type === 'customer'
            : filter === 'admin'
              ? m.role !== 'member'
              : true),
    );
    if (sort === 'name') list = [...list].sort((a, b) => (a.nickname || a.name).localeCompare(b.nickname || b.name));
    const start = cursor ? Number(cursor) : 0;
    const end = start + (limit ?? 100);
    return { items: list.slice(start, end), nextCursor: end < list.length ? String(end) : null, total: list.length };
  };
}

function adapterFor(all: GroupMember[], group: Partial<Group> = {}, caps: Partial<Capabilities> = {}): StubAdapter {
  return stubAdapter(
    {
      getGroup: async () => fixtures.group({ memberCount: all.length, memberCap: Math.max(all.length, 100), ...group }),
      listGroupMembers: listFrom(all),
      removeGroupMember: async () => ({ removed: true }),
    },
    caps,
  );
}

const root = (el: GroupMemberList) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: GroupMemberList, sel: string) => root(el).querySelector<T>(sel);
const $$ = (el: GroupMemberList, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const rows = (el: GroupMemberList) => $$(el, '[role=listitem]');
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Scrolls the page to its end (again, as the virtualizer grows the list); true to chain in waitUntil. */
const scrolledToEnd = () => (window.scrollTo(0, document.documentElement.scrollHeight), true);
/** The list's page requests, without the one for the owner and admins shown first. */
const listCalls = (a: StubAdapter) => (a.callsTo('listGroupMembers') as ListInput[]).filter((i) => !isPinnedCall(i));
const isPinnedCall = (input: ListInput) => input.filter === 'admin' && input.limit === 500;
const displayName = (member: GroupMember) => member.nickname || member.name;
/** The rendered row of the member shown as `name`, if any. */
const rowNamed = (el: GroupMemberList, name: string) =>
  rows(el).find((row) => text(row.querySelector('[part=name]')) === name);
/** Turns manage mode on: rows show their remove buttons. */
async function manage(el: GroupMemberList) {
  $<HTMLButtonElement>(el, '[part=manage-button]')!.click();
  await el.updateComplete;
}

async function mount(adapter: StubAdapter, attrs: { pageSize?: number; selectable?: boolean; locale?: string } = {}) {
  const page = await fixture<HTMLElement>(
    html`<cl-provider .adapter=${adapter} locale=${attrs.locale ?? 'zh-CN'}>
      <cl-group-member-list
        group-id="group-1"
        page-size=${attrs.pageSize ?? 100}
        ?selectable=${attrs.selectable}
      ></cl-group-member-list>
    </cl-provider>`,
  );
  const el = page.querySelector('cl-group-member-list')!;
  await waitUntil(() => rows(el).length > 0 || $(el, '.state'), 'list did not load');
  await el.updateComplete;
  return el;
}

describe('cl-group-member-list', () => {
  // The virtualizer's ResizeObserver may report a benign "loop" error (see its README).
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => window.scrollTo(0, 0));

  describe('loading and header', () => {
    it('shows a skeleton of fixed-height rows while loading, without layout shift', async () => {
      const group = deferred<Group>();
      const list = deferred<Awaited<ReturnType<ReturnType<typeof listFrom>>>>();
      const adapter = stubAdapter({ getGroup: () => group.promise, listGroupMembers: () => list.promise });
      const page = await fixture<HTMLElement>(
        html`<cl-provider .adapter=${adapter}
          ><cl-group-member-list group-id="group-1"></cl-group-member-list
        ></cl-provider>`,
      );
      const el = page.querySelector('cl-group-member-list')!;
      await el.updateComplete;
      const skeletonRows = $$(el, '[aria-hidden=true] > .row');
      expect(skeletonRows).to.have.length(8);
      expect(text($(el, '.live[role=status]'))).to.equal('加载中…');
      await expect(el).to.be.accessible();
      const rowHeight = skeletonRows[0]!.getBoundingClientRect().height;
      group.resolve(fixtures.group({ memberCount: 3 }));
      list.resolve({ items: makeMembers(3), nextCursor: null, total: 3 });
      await waitUntil(() => rows(el).length === 3);
      expect(rows(el)[0]!.getBoundingClientRect().height).to.equal(rowHeight);
    });

    it('shows the group name, the member count against the cap and the owner', async () => {
      const el = await mount(adapterFor(makeMembers(87), { memberCount: 87, memberCap: 100, ownerName: '王丽' }));
      expect(text($(el, '[part=title]'))).to.equal('南京东路店 VIP 群');
      expect(text($(el, '[part=count]'))).to.equal('87 / 100');
      expect(text($(el, 'h2'))).to.contain('87 位成员，上限 100 人');
      expect(text($(el, '[part=owner]'))).to.equal('群主：王丽');
      expect($(el, '.full')).to.equal(null);
      expect($<HTMLButtonElement>(el, '[part=invite-button]')!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('renders each member: nickname first, real name second, badge, role, join time and scene', async () => {
      const el = await mount(adapterFor(makeMembers(6)));
      const [owner, admin, invited, nick, , staff] = rows(el);
      expect(text(owner!.querySelector('[part=name]'))).to.equal('Nick 0');
      expect(text(owner!.querySelector('.real'))).to.equal('Member 00000');
      expect(text(owner!.querySelector('[part=badge]'))).to.equal('@百联');
      expect(text(owner!.querySelector('[part=role]'))).to.equal('群主');
      expect(text(owner!.querySelector('[part=meta]'))).to.contain('通过扫描群二维码加入');
      expect(text(admin!.querySelector('[part=role]'))).to.equal('管理员');
      expect(text(admin!.querySelector('[part=badge]'))).to.equal('客户');
      expect(text(admin!.querySelector('[part=meta]'))).to.contain('通过群链接加入');
      expect(admin!.querySelector('.real')).to.equal(null);
      expect(text(invited!.querySelector('[part=meta]'))).to.contain('由 王丽 邀请加入');
      expect(nick!.querySelector('[part=role]')).to.equal(null);
      expect(text(staff!.querySelector('[part=avatar]'))).to.equal('M');
      expect(text(owner!.querySelector('[part=meta]'))).to.match(/前|后|今天|昨天|天|月|年/);
      expect(rows(el).map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      expect(rows(el).every((r) => r.getAttribute('aria-setsize') === '6')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('renders adapter text as text and only safe avatar URLs', async () => {
      const members = [
        fixtures.member({ id: 'x', name: '<img src=x onerror=alert(1)>', avatarUrl: 'javascript:alert(1)' }),
        fixtures.member({ id: 'y', name: '李', avatarUrl: 'https://example.com/a.png' }),
      ];
      const el = await mount(adapterFor(members));
      expect(text(rows(el)[0]!.querySelector('[part=name]'))).to.equal('<img src=x onerror=alert(1)>');
      expect(rows(el)[0]!.querySelector('img')).to.equal(null);
      expect(rows(el)[1]!.querySelector('img')!.getAttribute('src')).to.equal('https://example.com/a.png');
    });

    it('speaks English inside an English provider', async () => {
      const el = await mount(adapterFor(makeMembers(3), { memberCount: 3, memberCap: 100, ownerName: 'Li Wang' }), {
        locale: 'en',
      });
      expect(text($(el, '[part=owner]'))).to.equal('Owner: Li Wang');
      expect(text(rows(el)[0]!.querySelector('[part=meta]'))).to.contain('joined via QR code');
      expect(text(rows(el)[1]!.querySelector('[part=meta]'))).to.contain('joined via link');
      expect(text(rows(el)[2]!.querySelector('[part=meta]'))).to.contain('invited by 王丽');
      expect(text(rows(el)[1]!.querySelector('[part=badge]'))).to.equal('Customer');
      expect($<HTMLInputElement>(el, 'input[type=search]')!.getAttribute('aria-label')).to.equal(
        'Search name or group nickname',
      );
      await expect(el).to.be.accessible();
    });

    it('shows the "group is full" state and disables invite with the reason', async () => {
      const el = await mount(adapterFor(makeMembers(10), { memberCount: 100, memberCap: 100 }));
      expect(text($(el, '[part=count]'))).to.equal('100 / 100');
      expect(text($(el, '.full'))).to.equal('已满');
      const invite = $<HTMLButtonElement>(el, '[part=invite-button]')!;
      expect(invite.disabled).to.equal(true);
      const reason = $(el, `#${invite.getAttribute('aria-describedby')}`);
      expect(text(reason)).to.contain('群成员已满（100 人）');
      await expect(el).to.be.accessible();
    });

    it('emits cl-group-invite for the host page, and hides invite without the capability', async () => {
      const el = await mount(adapterFor(makeMembers(3), { id: 'group-1' }));
      setTimeout(() => $(el, '[part=invite-button]')!.click());
      const event = await oneEvent(el, 'cl-group-invite');
      expect(event.detail.group.id).to.equal('group-1');
      expect(event.composed).to.equal(true);
      const other = await mount(adapterFor(makeMembers(3), {}, { inviteGroupMember: false }));
      expect($(other, '[part=invite-button]')).to.equal(null);
    });
  });

  describe('search, filters and sort', () => {
    it('searches on the adapter after typing pauses, with one request for several keystrokes', async () => {
      const adapter = adapterFor(makeMembers(40));
      const el = await mount(adapter);
      expect(listCalls(adapter)).to.have.length(1);
      $(el, 'input[type=search]')!.focus();
      await sendKeys({ type: 'Nick 3' });
      expect(listCalls(adapter)).to.have.length(1);
      await waitUntil(() => listCalls(adapter).length === 2);
      expect(listCalls(adapter)[1]).to.include({ query: 'Nick 3', cursor: null, groupId: 'group-1' });
      await waitUntil(() => rows(el).length === 5);
      expect(rows(el).map((r) => text(r.querySelector('[part=name]')))).to.deep.equal([
        'Nick 3',
        'Nick 30',
        'Nick 33',
        'Nick 36',
        'Nick 39',
      ]);
      expect(text($(el, '.live[role=status]'))).to.equal('找到 5 位成员');
      expect($<HTMLInputElement>(el, 'input[type=search]')!.value).to.equal('Nick 3');
      await expect(el).to.be.accessible();
    });

    it('ignores a stale answer that arrives after a newer one', async () => {
      const all = makeMembers(20);
      const slow = deferred<{ items: GroupMember[]; nextCursor: null; total: number }>();
      const list = listFrom(all);
      const adapter = stubAdapter({
        getGroup: async () => fixtures.group(),
        listGroupMembers: (input) => (input.query === 'Member 0000' ? slow.promise : list(input)),
      });
      const el = await mount(adapter);
      el.query = 'Member 0000';
      await el.updateComplete;
      el.query = 'Nick 1';
      await waitUntil(() => rows(el).length === 3);
      slow.resolve({ items: all.slice(0, 10), nextCursor: null, total: 10 });
      await aTimeout(20);
      expect(rows(el).map((r) => text(r.querySelector('[part=name]')))).to.deep.equal([
        'Nick 12',
        'Nick 15',
        'Nick 18',
      ]);
    });

    it('filters staff, customers and admins', async () => {
      const adapter = adapterFor(makeMembers(30));
      const el = await mount(adapter);
      const select = $<HTMLSelectElement>(el, 'select[name=filter]')!;
      expect(text(select.closest('label'))).to.equal('显示 全部员工客户管理员');
      const choose = (value: string) => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose('staff');
      await waitUntil(() => rows(el).length === 3);
      expect(listCalls(adapter).at(-1)).to.include({ filter: 'staff', cursor: null });
      expect(rows(el).every((r) => text(r.querySelector('[part=badge]')) === '@百联')).to.equal(true);
      choose('admin');
      await waitUntil(() => rows(el).length === 3 && listCalls(adapter).at(-1)!.filter === 'admin');
      await el.updateComplete;
      expect(rows(el).map((r) => text(r.querySelector('[part=role]')))).to.deep.equal(['群主', '管理员', '管理员']);
      choose('customer');
      await waitUntil(() => rows(el).length === 27);
      expect(listCalls(adapter).at(-1)).to.include({ filter: 'customer' });
      await expect(el).to.be.accessible();
    });

    it('changes the filter from the keyboard', async () => {
      const adapter = adapterFor(makeMembers(30));
      const el = await mount(adapter);
      $(el, 'select[name=filter]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => listCalls(adapter).at(-1)!.filter === 'staff');
      expect(el.filter).to.equal('staff');
    });

    it('sorts by name or join time', async () => {
      const adapter = adapterFor(makeMembers(12));
      const el = await mount(adapter);
      expect(listCalls(adapter)[0]).to.include({ sort: 'joinedAt' });
      const select = $<HTMLSelectElement>(el, 'select[name=sort]')!;
      select.value = 'name';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => listCalls(adapter).length === 2);
      expect(listCalls(adapter)[1]).to.include({ sort: 'name', cursor: null });
      // The owner comes first whatever the order, then the admins (Member 00001), then everyone else.
      await waitUntil(() => text(rows(el)[1]!.querySelector('[part=name]')) === 'Member 00001');
      expect(text(rows(el)[0]!.querySelector('[part=name]'))).to.equal('Nick 0');
      expect(text(rows(el)[2]!.querySelector('[part=name]'))).to.equal('Member 00002');
    });

    it('shows an empty group, and a no-match state that clears the search', async () => {
      const empty = await mount(adapterFor([]));
      expect(text($(empty, '.state'))).to.equal('群里还没有成员。');
      await expect(empty).to.be.accessible();

      const adapter = adapterFor(makeMembers(5));
      const el = await mount(adapter);
      el.query = 'nobody';
      await waitUntil(() => $(el, '.state'));
      expect(text($(el, '.state p'))).to.equal('没有符合条件的成员。');
      await expect(el).to.be.accessible();
      $(el, '.state button')!.click();
      await waitUntil(() => rows(el).length === 5);
      expect($<HTMLInputElement>(el, 'input[type=search]')!.value).to.equal('');
      expect(listCalls(adapter).at(-1)!.query).to.equal(undefined);
    });
  });

  describe('paging and virtualization', () => {
    it('fetches pages by cursor as the user scrolls, never all at once', async () => {
      const adapter = adapterFor(makeMembers(50));
      const el = await mount(adapter, { pageSize: 20 });
      await aTimeout(50);
      expect(listCalls(adapter)).to.have.length(1);
      expect(listCalls(adapter)[0]).to.include({ cursor: null, limit: 20 });
      // The 20 of the first page, and the admin of a later page (m-26), shown first.
      expect(rows(el)).to.have.length(21);
      expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('50');
      $(el, '.sentinel')!.scrollIntoView();
      await waitUntil(() => rows(el).length === 40);
      expect(listCalls(adapter)[1]).to.include({ cursor: '20', limit: 20 });
      expect(rows(el)[39]!.getAttribute('aria-posinset')).to.equal('40');
      $(el, '.sentinel')!.scrollIntoView();
      await waitUntil(() => rows(el).length === 50);
      expect(listCalls(adapter)[2]).to.include({ cursor: '40' });
      expect($(el, '.sentinel')).to.equal(null);
      await aTimeout(50);
      expect(listCalls(adapter)).to.have.length(3);
    });

    it('virtualizes a long list, keeping list semantics for screen readers', async () => {
      const adapter = adapterFor(makeMembers(2000), { memberCount: 2000, memberCap: 2000, kind: 'internal' });
      const el = await mount(adapter, { pageSize: 200 });
      await waitUntil(() => rows(el).length > 0);
      await aTimeout(50);
      const rendered = rows(el);
      expect(rendered.length).to.be.greaterThan(0).and.lessThan(200);
      expect(rendered[0]!.getAttribute('aria-setsize')).to.equal('2000');
      expect(rendered[0]!.getAttribute('aria-posinset')).to.equal('1');
      expect($(el, '[role=list]')!.contains(rendered[0]!)).to.equal(true);
      expect(listCalls(adapter)).to.have.length(1);
      await expect(el).to.be.accessible();
      // The list is as tall as the whole group from the first page on (issue 19): the scrollbar is true.
      const rowHeight = rendered[0]!.getBoundingClientRect().height;
      const list = $(el, '.virtual')!;
      expect(list.getBoundingClientRect().height).to.be.closeTo(2000 * rowHeight, rowHeight);
      // Scrolling down to near the end of the loaded rows fetches the next page by cursor.
      const scrolledOn = () => (window.scrollBy(0, 10 * rowHeight), true);
      await waitUntil(() => scrolledOn() && listCalls(adapter).length === 2, 'the next page is not asked for', {
        timeout: 5000,
      });
      expect(listCalls(adapter)[1]).to.include({ cursor: '200', limit: 200 });
      const lastOfSecondPage = displayName(makeMembers(400)[399]!);
      await waitUntil(() => scrolledOn() && rowNamed(el, lastOfSecondPage), 'the second page is not rendered', {
        timeout: 5000,
      });
      // A jump to the end loads the pages before it, one at a time in cursor order, until its rows show.
      const last = displayName(makeMembers(2000)[1999]!);
      await waitUntil(() => scrolledToEnd() && rowNamed(el, last), 'the last rows are not rendered', { timeout: 5000 });
      const cursors = listCalls(adapter).map((c) => c.cursor);
      expect(cursors).to.deep.equal([null, '200', '400', '600', '800', '1000', '1200', '1400', '1600', '1800']);
    });

    it('pages and virtualizes inside a scrolling wrapper, not only with the window', async () => {
      const adapter = adapterFor(makeMembers(1000), { memberCount: 1000, memberCap: 2000, kind: 'internal' });
      const page = await fixture<HTMLElement>(
        html`<cl-provider .adapter=${adapter}>
          <div style="height:400px;overflow:auto"
            ><cl-group-member-list group-id="group-1" page-size="100"></cl-group-member-list
          ></div>
        </cl-provider>`,
      );
      const el = page.querySelector('cl-group-member-list')!;
      const wrapper = el.parentElement!;
      await waitUntil(() => rows(el).length > 0);
      const toEnd = () => ((wrapper.scrollTop = wrapper.scrollHeight), true);
      await waitUntil(() => toEnd() && listCalls(adapter).length >= 2, 'no second page');
      expect(listCalls(adapter)[1]).to.include({ cursor: '100' });
      const last = displayName(makeMembers(1000)[999]!);
      await waitUntil(() => toEnd() && rowNamed(el, last), 'rows do not follow the wrapper', { timeout: 5000 });
      expect(window.scrollY).to.equal(0);
    });

    it('shows the rows a jump deep into a scrolling box lands on (issue 19)', async () => {
      const adapter = adapterFor(makeMembers(1000), { memberCount: 1000, memberCap: 2000, kind: 'internal' });
      const page = await fixture<HTMLElement>(
        html`<cl-provider .adapter=${adapter}>
          <div style="height:400px;overflow:auto"
            ><cl-group-member-list group-id="group-1" page-size="500"></cl-group-member-list
          ></div>
        </cl-provider>`,
      );
      const el = page.querySelector('cl-group-member-list')!;
      const box = el.parentElement!;
      await waitUntil(() => rows(el).length > 0);
      const rowHeight = rows(el)[0]!.getBoundingClientRect().height;
      box.scrollTop = 1; // the first scroll tells the element its scrolling box
      await aTimeout(50);
      box.scrollTop = 300 * rowHeight;
      const near300 = () => rows(el).some((row) => Math.abs(Number(row.getAttribute('aria-posinset')) - 300) < 10);
      await waitUntil(near300, 'the rows 300 rows down do not show');
      // The layout kept the scroll position where the jump aimed it.
      expect(box.scrollTop).to.equal(300 * rowHeight);
    });

    it('shows an error with retry when the next page fails, keeping what was loaded', async () => {
      const all = makeMembers(60);
      const list = listFrom(all);
      let fail = true;
      const adapter = stubAdapter({
        getGroup: async () => fixtures.group({ memberCount: 60 }),
        listGroupMembers: async (input) => {
          if (input.cursor && fail) throw new AdapterError('unavailable', 'offline');
          return list(input);
        },
      });
      const el = await mount(adapter, { pageSize: 30 });
      $(el, '.sentinel')!.scrollIntoView();
      await waitUntil(() => $(el, '.state.error'));
      // The first page and the admin of the second (m-51), shown first.
      expect(rows(el)).to.have.length(31);
      expect(text($(el, '.state.error p'))).to.equal('服务暂不可用，请检查网络后重试。');
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '.state.error button')!.click();
      await waitUntil(() => listCalls(adapter).length === 3 && !$(el, '.state.error'));
      expect(listCalls(adapter)[2]).to.include({ cursor: '30' });
      await waitUntil(() => scrolledToEnd() && $(el, '[aria-posinset="60"]'), 'the last row is not rendered');
    });
  });

  describe('errors', () => {
    it('shows a retryable error when the group cannot load, and recovers on retry', async () => {
      let fail = true;
      const adapter = stubAdapter({
        getGroup: async () => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return fixtures.group();
        },
        listGroupMembers: listFrom(makeMembers(3)),
      });
      const el = await mount(adapter);
      expect(text($(el, '.state.error p'))).to.equal('服务暂不可用，请检查网络后重试。');
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '.state.error button')!.click();
      await waitUntil(() => rows(el).length === 3);
      expect(text($(el, '[part=count]'))).to.equal('87 / 100');
    });

    it('keeps the search text when the list fails, and offers no retry for a final error', async () => {
      const list = listFrom(makeMembers(5));
      const adapter = stubAdapter({
        getGroup: async () => fixtures.group(),
        listGroupMembers: async (input) => {
          if (input.query === 'bad') throw new AdapterError('forbidden', 'no');
          if (input.query === 'flaky') throw new AdapterError('unavailable', 'offline');
          return list(input);
        },
      });
      const el = await mount(adapter);
      const input = $<HTMLInputElement>(el, 'input[type=search]')!;
      input.focus();
      await sendKeys({ type: 'bad' });
      await waitUntil(() => $(el, '.state.error'));
      expect(text($(el, '.state.error p'))).to.equal('你没有权限进行此操作。');
      expect($(el, '.state.error button')).to.equal(null);
      expect(input.value).to.equal('bad');
      await expect(el).to.be.accessible();
      el.query = 'flaky';
      await waitUntil(() => $(el, '.state.error button'));
      el.query = '';
      await waitUntil(() => rows(el).length === 5);
    });

    it('says when there is no adapter or no group', async () => {
      const el = await fixture<GroupMemberList>(html`<cl-group-member-list group-id="g"></cl-group-member-list>`);
      expect(text($(el, '.state'))).to.equal('未连接：没有为该组件提供适配器。');
      await expect(el).to.be.accessible();
      const page = await fixture<HTMLElement>(
        html`<cl-provider .adapter=${adapterFor([])}><cl-group-member-list></cl-group-member-list></cl-provider>`,
      );
      const none = page.querySelector('cl-group-member-list')!;
      await none.updateComplete;
      expect(text($(none, '.state'))).to.equal('未选择群。');
    });
  });

  describe('remove with confirmation', () => {
    it('asks for confirmation, then removes the member, lowers the count and emits cl-member-removed', async () => {
      const adapter = adapterFor(makeMembers(5), { memberCount: 87, memberCap: 100 });
      const el = await mount(adapter);
      await manage(el);
      const target = rows(el)[2]!;
      expect(rows(el)[0]!.querySelector('[part=remove-button]')).to.equal(null); // nobody removes the owner
      const remove = target.querySelector<HTMLButtonElement>('[part=remove-button]')!;
      expect(remove.getAttribute('aria-label')).to.equal('将 Member 00002 移出群聊');
      remove.click();
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.open).to.equal(true);
      expect(text(dialog)).to.contain('Member 00002 将离开本群');
      await expect(el).to.be.accessible();

      // Cancel: nothing happens.
      [...dialog.querySelectorAll('button')].find((b) => text(b) === '取消')!.click();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(adapter.callsTo('removeGroupMember')).to.have.length(0);

      remove.click();
      await el.updateComplete;
      setTimeout(() => [...dialog.querySelectorAll('button')].find((b) => text(b) === '移出')!.click());
      const event = await oneEvent(el, 'cl-member-removed');
      expect(adapter.callsTo('removeGroupMember')).to.deep.equal([{ groupId: 'group-1', memberId: 'm-2' }]);
      expect(event.detail.member.id).to.equal('m-2');
      expect(event.detail.group.memberCount).to.equal(86);
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(rows(el).map((r) => r.querySelector('[part=name]')!.textContent)).to.not.include('Member 00002');
      expect(text($(el, '[part=count]'))).to.equal('86 / 100');
      expect(text($(el, '[part=feedback]'))).to.equal('已将 Member 00002 移出群聊。');
    });

    it('keeps the dialog open with the reason when removal fails, and closes with Escape', async () => {
      const adapter = stubAdapter({
        getGroup: async () => fixtures.group(),
        listGroupMembers: listFrom(makeMembers(3)),
        removeGroupMember: async () => {
          throw new AdapterError('forbidden', 'no');
        },
      });
      const el = await mount(adapter);
      await manage(el);
      rows(el)[1]!.querySelector<HTMLButtonElement>('[part=remove-button]')!.click();
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      [...dialog.querySelectorAll('button')].find((b) => text(b) === '移出')!.click();
      await waitUntil(() => dialog.querySelector('[role=alert]'));
      expect(text(dialog.querySelector('[role=alert]'))).to.equal('你没有权限进行此操作。');
      expect(dialog.open).to.equal(true);
      expect(rows(el)).to.have.length(3);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
    });

    it('offers removal only to owners and admins, and only with the capability', async () => {
      const member = await mount(adapterFor(makeMembers(3), { viewerRole: 'member' }));
      expect($(member, '[part=manage-button]')).to.equal(null);
      expect($(member, '[part=remove-button]')).to.equal(null);
      const admin = await mount(adapterFor(makeMembers(3), { viewerRole: 'admin' }));
      await manage(admin);
      expect($$(admin, '[part=remove-button]')).to.have.length(2);
      const noCap = await mount(adapterFor(makeMembers(3), {}, { removeGroupMember: false }));
      expect($(noCap, '[part=manage-button]')).to.equal(null);
      expect($(noCap, '[part=remove-button]')).to.equal(null);
    });
  });

  describe('multi-select', () => {
    it('selects with Space and Enter and emits the selection', async () => {
      const el = await mount(adapterFor(makeMembers(4)), { selectable: true });
      await manage(el);
      const boxes = $$(el, 'input[type=checkbox]') as HTMLInputElement[];
      expect(boxes).to.have.length(4);
      await expect(el).to.be.accessible();
      boxes[1]!.focus();
      setTimeout(() => sendKeys({ press: 'Space' }));
      let event = await oneEvent(el, 'cl-members-select');
      expect(event.detail.memberIds).to.deep.equal(['m-1']);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(rows(el)[1]!.querySelector('[part=remove-button]'));
      boxes[3]!.focus();
      setTimeout(() => sendKeys({ press: 'Enter' }));
      event = await oneEvent(el, 'cl-members-select');
      expect(event.detail.memberIds).to.deep.equal(['m-1', 'm-3']);
      expect(el.selectedIds).to.deep.equal(['m-1', 'm-3']);
      await el.updateComplete;
      expect(text($(el, '.selection'))).to.contain('已选 2 人');
      setTimeout(() => $(el, '.selection button')!.click());
      event = await oneEvent(el, 'cl-members-select');
      expect(event.detail.memberIds).to.deep.equal([]);
      await el.updateComplete;
      expect(boxes.every((b) => !b.checked)).to.equal(true);
    });
  });

  it('reloads everything on refresh() and when the group changes', async () => {
    const adapter = adapterFor(makeMembers(3));
    const el = await mount(adapter);
    el.refresh();
    await waitUntil(() => adapter.callsTo('getGroup').length === 2 && rows(el).length === 3);
    el.groupId = 'group-2';
    await waitUntil(() => adapter.callsTo('getGroup').length === 3);
    expect(adapter.callsTo('getGroup').at(-1)).to.deep.equal({ groupId: 'group-2' });
    await waitUntil(() => rows(el).length === 3);
    expect(SEARCH_DEBOUNCE_MS).to.be.greaterThan(0);
  });
});

describe('cl-group-member-list as an associate finds it', () => {
  afterEach(() => window.scrollTo(0, 0));

  /** Collects the errors reported on window (ResizeObserver loop errors among them) while `run` runs. */
  async function windowErrors(run: () => Promise<void>): Promise<string[]> {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.message);
      event.preventDefault();
    };
    const previous = window.onerror;
    window.onerror = null;
    addEventListener('error', onError);
    try {
      await run();
      await aTimeout(100);
    } finally {
      removeEventListener('error', onError);
      window.onerror = previous;
    }
    return errors;
  }

  it('lists the owner and the admins first, also those of later pages', async () => {
    const adapter = adapterFor(makeMembers(300), { memberCount: 300, memberCap: 500 });
    const el = await mount(adapter, { pageSize: 100 });
    const names = rows(el)
      .slice(0, 14)
      .map((row) => text(row.querySelector('[part=name]')));
    const admins = makeMembers(300).filter((member) => member.role === 'admin');
    expect(names.slice(0, 13)).to.deep.equal(['Nick 0', ...admins.map(displayName)]);
    expect(names[13]).to.equal('Member 00002');
    expect(rows(el)[1]!.querySelector('[part=role]')!.textContent).to.equal('管理员');
    expect(adapter.callsTo('listGroupMembers').filter((i) => isPinnedCall(i as ListInput))).to.have.length(1);
  });

  it('keeps the owner and admins first among the staff when filtering', async () => {
    const adapter = adapterFor(makeMembers(60));
    const el = await mount(adapter);
    const select = $<HTMLSelectElement>(el, 'select[name=filter]')!;
    select.value = 'staff';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length === 6);
    // m-0 (owner, staff) first; no admin is staff (m-1, m-26, m-51 are customers).
    expect(rows(el).map((row) => text(row.querySelector('[part=name]')))[0]).to.equal('Nick 0');
  });

  it('puts removal behind manage mode, not a red button on every row', async () => {
    const el = await mount(adapterFor(makeMembers(5)));
    expect($$(el, '[part=remove-button]')).to.have.length(0);
    const toggle = $<HTMLButtonElement>(el, '[part=manage-button]')!;
    expect(text(toggle)).to.equal('管理');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await expect(el).to.be.accessible();
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(text(toggle)).to.equal('完成');
    // Everyone but the owner can be removed.
    expect($$(el, '[part=remove-button]')).to.have.length(4);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect($$(el, '[part=remove-button]')).to.have.length(0);
  });

  async function removeRow(el: GroupMemberList, index: number) {
    rows(el)[index]!.querySelector<HTMLButtonElement>('[part=remove-button]')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    const removed = oneEvent(el, 'cl-member-removed');
    [...dialog.querySelectorAll('button')].find((b) => text(b) === '移出')!.click();
    await removed;
    await el.updateComplete;
  }

  it('moves focus to the next row after a removal (the previous one at the end) and updates the counts', async () => {
    const el = await mount(adapterFor(makeMembers(4), { memberCount: 4, memberCap: 100 }));
    await manage(el);
    await removeRow(el, 1);
    expect(rows(el)).to.have.length(3);
    expect(root(el).activeElement).to.equal(rows(el)[1]!.querySelector('[part=remove-button]'));
    expect(text(rows(el)[1]!.querySelector('[part=name]'))).to.equal('Member 00002');
    expect(text($(el, '[part=count]'))).to.equal('3 / 100');
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('3');
    const feedback = $(el, '[part=feedback] .cl-feedback-message')!;
    expect(text(feedback)).to.equal('已将 Member 00001 移出群聊。');
    expect(feedback.getBoundingClientRect().height).to.be.greaterThan(0);
    await removeRow(el, 2);
    expect(root(el).activeElement).to.equal(rows(el)[1]!.querySelector('[part=remove-button]'));
    await removeRow(el, 1);
    // Only the owner is left, who cannot be removed: focus goes to the manage button.
    expect(root(el).activeElement).to.equal($(el, '[part=manage-button]'));
    expect(text($(el, '[part=count]'))).to.equal('1 / 100');
    await expect(el).to.be.accessible();
  });

  it('ends truncated details with an ellipsis', async () => {
    const long = fixtures.member({
      id: 'm-long',
      name: '一位名字非常非常非常长的客户朋友',
      joinScene: 'invited',
      inviterName: '南京东路店美妆专柜资深导购王丽丽丽丽丽',
    });
    const adapter = stubAdapter({
      getGroup: async () => fixtures.group({ memberCount: 1 }),
      listGroupMembers: async () => ({ items: [long], nextCursor: null, total: 1 }),
    });
    const el = await mount(adapter);
    el.style.width = '320px';
    for (const part of ['name', 'meta']) {
      const node = $(el, `[part=${part}]`)!;
      const style = getComputedStyle(node);
      expect(node.scrollWidth, part).to.be.greaterThan(node.clientWidth);
      expect(style.textOverflow, part).to.equal('ellipsis');
      expect(style.overflow, part).to.equal('hidden');
      // text-overflow draws its ellipsis only in a block container's own line, never in a flex line.
      expect(['block', 'inline-block'], part).to.include(style.display);
    }
  });

  it('fires no ResizeObserver loop error on window when mounting and scrolling more than 50 rows', async () => {
    const adapter = adapterFor(makeMembers(400), { memberCount: 400, memberCap: 500 });
    const errors = await windowErrors(async () => {
      const el = await mount(adapter, { pageSize: 200 });
      await waitUntil(() => rows(el).length > 0);
      for (let step = 0; step < 15; step++) {
        window.scrollBy(0, 400);
        await aTimeout(20);
      }
    });
    expect(errors).to.deep.equal([]);
  });

  it('loads and renders past the first rows when it becomes its own scroll container after its first render', async () => {
    const all = makeMembers(600);
    const adapter = adapterFor(all, { memberCount: 600, memberCap: 2000, kind: 'internal' });
    const errors = await windowErrors(async () => {
      const el = await mount(adapter, { pageSize: 200 });
      await aTimeout(50);
      el.style.display = 'block';
      el.style.height = '400px';
      el.style.overflow = 'auto';
      const toEnd = () => ((el.scrollTop = el.scrollHeight), true);
      await waitUntil(() => toEnd() && listCalls(adapter).length >= 2, 'the next page is not asked for');
      const last = displayName(all[599]!);
      await waitUntil(() => toEnd() && rowNamed(el, last), 'rows stay blank past the first ones', { timeout: 5000 });
      expect(listCalls(adapter).map((c) => c.cursor)).to.deep.equal([null, '200', '400']);
      expect(window.scrollY).to.equal(0);
    });
    expect(errors).to.deep.equal([]);
  });

  it('speaks English plurals', async () => {
    const adapter = adapterFor(makeMembers(1), { memberCount: 1, memberCap: 100 });
    const el = await mount(adapter, { locale: 'en' });
    expect(text($(el, '.header .cl-visually-hidden'))).to.equal('1 member of at most 100');
    el.query = 'Nick';
    await waitUntil(() => text($(el, '.live')) !== '');
    expect(text($(el, '.live'))).to.equal('1 member found');
  });

  it('never breaks an English label mid-word at 320 px', async () => {
    const el = await mount(adapterFor(makeMembers(5)), { locale: 'en' });
    el.style.width = '320px';
    await manage(el);
    for (const node of $$(el, 'button, h2, [part=owner], [part=meta]')) {
      for (const word of splitWords(node)) expect(linesOf(node, word), `"${word}" in ${text(node)}`).to.equal(1);
    }
    // A label's own words ("Sort by"), not those of the options of its select.
    for (const label of $$(el, 'label.choice')) {
      const own = [...label.childNodes]
        .find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!
        .textContent!.trim();
      for (const word of own.split(' ')) expect(linesOf(label, word), `"${word}" in ${own}`).to.equal(1);
    }
  });

  it('refuses avatar URLs outside the one policy before they reach <img src>', async () => {
    const members = [
      fixtures.member({ id: 'tel', name: 'Tel', avatarUrl: 'tel:10086' as never }),
      fixtures.member({ id: 'blob', name: 'Blob', avatarUrl: 'blob:https://elsewhere.example/1' as never }),
      fixtures.member({ id: 'ok', name: 'Ok', avatarUrl: 'https://example.com/a.png' }),
    ];
    const adapter = stubAdapter({
      getGroup: async () => fixtures.group({ memberCount: 3 }),
      listGroupMembers: async () => ({ items: members, nextCursor: null, total: 3 }),
    });
    const el = await mount(adapter);
    const sources = $$(el, '[part=avatar] img').map((img) => img.getAttribute('src'));
    expect(sources).to.deep.equal(['https://example.com/a.png']);
  });

  it('paints readable text in the dark theme', async () => {
    const adapter = adapterFor(makeMembers(12));
    const page = await fixture<HTMLElement>(
      html`<cl-provider .adapter=${adapter} theme="dark"
        ><cl-group-member-list group-id="group-1"></cl-group-member-list
      ></cl-provider>`,
    );
    const el = page.querySelector('cl-group-member-list')!;
    await waitUntil(() => rows(el).length > 0);
    await manage(el);
    const texts = ['h2', '[part=owner]', '[part=name]', '.real', '[part=badge]', '[part=role]', '[part=meta]'];
    for (const selector of [...texts, 'button', 'label']) {
      for (const node of $$(el, selector)) expect(textContrast(node), selector).to.be.at.least(4.5);
    }
    const search = $<HTMLInputElement>(el, 'input[type=search]')!;
    expect(textContrast(search, getComputedStyle(search, '::placeholder').color)).to.be.at.least(4.5);
  });
});
