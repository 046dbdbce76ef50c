/**
 * The script cases (issue 21): the library of company scripts and the signed-in associate's own, listed most
 * used first (her own use counts, never a colleague's), then the newest change, then the id, in keyset pages;
 * search and filters; uses recorded; own scripts made once by request id, changed and deleted, company scripts
 * forbidden and a colleague's not found; unknown variables and categories invalid; the `manageScripts`
 * capability. Registered by {@link conformanceCases} through {@link defineScriptCases}.
 *
 * Each case prepares its dataset ({@link scriptsWorld}, see {@link scriptIds}).
 */
import type { Script } from '@clienteling/core';
import type { Dataset } from '@clienteling/adapter-local/seed.js';
import { ConformanceError, type Harness } from './cases.js';
import { CONFORMANCE_START, ids } from './dataset.js';
import type { DefineCase } from './media-cases.js';

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new ConformanceError(message);
};
const show = (value: unknown) => JSON.stringify(value);
const same = (actual: unknown, expected: unknown, what: string) =>
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);

const DAY = 86_400_000;
const start = Date.parse(CONFORMANCE_START);
const daysAgo = (days: number) => new Date(start - days * DAY).toISOString();

export const scriptIds = {
  greetings: 'sc-greet',
  newIn: 'sc-new',
  service: 'sc-service',
  /** Company, greetings, text with variables, changed 10 days ago; a colleague used it 10 times. */
  welcome: 's-c1',
  /** Company, new in, text; the associate used it 3 times. */
  arrivals: 's-c2',
  /** Company, new in, a link card titled 秋冬目录, changed a day ago. */
  catalogue: 's-c3',
  /** Company, greetings, an image, changed 3 days ago (as {@link scriptIds.memberCard}: the id decides). */
  poster: 's-c4',
  /** Company, greetings, a mini-program card, changed 3 days ago. */
  memberCard: 's-c5',
  /** The associate's own, greetings, changed 2 days ago. */
  ownTomorrow: 's-own-1',
  /** The associate's own, new in, mentions LILY in its text; used once. */
  ownLily: 's-own-2',
  /** A colleague's own: the associate never sees it. */
  colleagues: 's-other-1',
} as const;

/** The library in the order the signed-in associate sees it at the start of a case. */
const LISTED = [
  scriptIds.arrivals,
  scriptIds.ownLily,
  scriptIds.catalogue,
  scriptIds.ownTomorrow,
  scriptIds.poster,
  scriptIds.memberCard,
  scriptIds.welcome,
];

/** The script library on top of the conformance dataset (see {@link scriptIds}). */
export function scriptsWorld(dataset: Dataset): void {
  dataset.scriptCategories = [
    { id: scriptIds.newIn, name: '新品', order: 1 },
    { id: scriptIds.service, name: '售后', order: 2 },
    { id: scriptIds.greetings, name: '问候', order: 0 },
  ];
  const script = (id: string, categoryId: string, title: string, content: Script['content'], changed: number) => ({
    id,
    categoryId,
    title,
    content,
    scope: 'company' as const,
    createdAt: daysAgo(changed + 30),
    updatedAt: daysAgo(changed),
  });
  const own = (made: ReturnType<typeof script>, ownerId: string) => ({ ...made, scope: 'own' as const, ownerId });
  dataset.scripts = [
    script(
      scriptIds.welcome,
      scriptIds.greetings,
      '添加好友问候',
      { kind: 'text', text: '{customerName}您好，我是{storeName}的{staffName}' },
      10,
    ),
    script(scriptIds.arrivals, scriptIds.newIn, '新品到店', { kind: 'text', text: '秋冬新品到店，欢迎试穿' }, 5),
    script(
      scriptIds.catalogue,
      scriptIds.newIn,
      '秋冬目录',
      { kind: 'link', link: { url: 'https://mall.example.com/new', title: '秋冬新品目录' } },
      1,
    ),
    script(
      scriptIds.poster,
      scriptIds.greetings,
      '门店海报',
      { kind: 'image', image: { url: 'https://cdn.example.com/poster.jpg', width: 600, height: 800 } },
      3,
    ),
    script(
      scriptIds.memberCard,
      scriptIds.greetings,
      '会员中心',
      { kind: 'miniprogram', miniprogram: { appId: 'wx-app', pagePath: 'pages/member/index', title: '会员中心' } },
      3,
    ),
    own(
      script(scriptIds.ownTomorrow, scriptIds.greetings, '我明天在店', { kind: 'text', text: '我明天全天在店' }, 2),
      ids.me,
    ),
    own(
      script(scriptIds.ownLily, scriptIds.newIn, '尺码到了', { kind: 'text', text: '给 Lily 留的尺码到了' }, 4),
      ids.me,
    ),
    own(
      script(scriptIds.colleagues, scriptIds.greetings, '跑团福利', { kind: 'text', text: '跑团暗号：周末跑' }, 0),
      ids.other,
    ),
  ];
  dataset.scriptUses = [
    { scriptId: scriptIds.arrivals, staffId: ids.me, useCount: 3, lastUsedAt: daysAgo(1) },
    { scriptId: scriptIds.ownLily, staffId: ids.me, useCount: 1, lastUsedAt: daysAgo(2) },
    { scriptId: scriptIds.welcome, staffId: ids.other, useCount: 10, lastUsedAt: daysAgo(1) },
  ];
}

const listed = async (harness: Harness, input: Parameters<Harness['adapter']['listScripts']>[0] = {}) =>
  (await harness.call('listScripts', { limit: 100, ...input })).items.map((script) => script.id);

const newScript = (harness: Harness, requestId = harness.rid(), title = '我的话术') =>
  harness.call('createScript', {
    requestId,
    categoryId: scriptIds.greetings,
    title,
    content: { kind: 'text', text: '{customerName}，您订的货到了' },
  });

/** Registers the script cases in group `scripts`. */
export function defineScriptCases(define: DefineCase): void {
  const defineScripts = (name: string, body: (harness: Harness) => Promise<void>) =>
    define('scripts', name, body, scriptsWorld);

  defineScripts('listScriptCategories answers the categories in their order', async (harness) => {
    const categories = await harness.call('listScriptCategories', {});
    same(
      categories.map((category) => category.id),
      [scriptIds.greetings, scriptIds.newIn, scriptIds.service],
      'categories',
    );
  });

  defineScripts(
    "listScripts: the company's and the associate's own, most used by her first, then newest, then by id",
    async (harness) => {
      const page = await harness.call('listScripts', {});
      same(
        page.items.map((script) => script.id),
        LISTED,
        'order (a colleague’s own script absent, a colleague’s uses not counted)',
      );
      same(page.nextCursor, null, 'nextCursor');
      const byId = new Map(page.items.map((script) => [script.id, script]));
      same(byId.get(scriptIds.arrivals)?.useCount, 3, 'useCount of s-c2');
      same(byId.get(scriptIds.welcome)?.useCount, 0, 'useCount of s-c1 (only a colleague used it)');
      same(byId.get(scriptIds.ownLily)?.scope, 'own', 'scope of an own script');
      same(byId.get(scriptIds.ownLily)?.ownerId, ids.me, 'ownerId of an own script');
      same(byId.get(scriptIds.welcome)?.scope, 'company', 'scope of a company script');
      same(byId.get(scriptIds.welcome)?.content, harness.dataset.scripts![0]!.content, 'content');
    },
  );

  defineScripts('recordScriptUse counts the associate’s uses and moves the script up the list', async (harness) => {
    harness.clock.advance(60_000);
    let used: Script | undefined;
    for (let i = 0; i < 4; i++)
      used = await harness.call('recordScriptUse', { scriptId: scriptIds.welcome, channel: 'chat', customerId: 'c-1' });
    same(used?.useCount, 4, 'useCount after four uses');
    same(Date.parse(used?.lastUsedAt ?? ''), harness.clock.now().getTime(), 'lastUsedAt is the adapter’s now');
    same((await listed(harness))[0], scriptIds.welcome, 'the most used comes first');
    await harness.call('recordScriptUse', { scriptId: scriptIds.ownTomorrow, channel: 'copy' });
    same(
      (await listed(harness)).slice(0, 3),
      [scriptIds.welcome, scriptIds.arrivals, scriptIds.ownTomorrow],
      'used once, the newer change comes before s-own-2',
    );
    await harness.rejects(
      harness.adapter.recordScriptUse({ scriptId: scriptIds.colleagues, channel: 'chat' }),
      'not-found',
    );
    await harness.rejects(harness.adapter.recordScriptUse({ scriptId: 'nothing', channel: 'broadcast' }), 'not-found');
  });

  defineScripts('listScripts searches titles and texts, and filters by category and scope', async (harness) => {
    same(await listed(harness, { query: 'lily' }), [scriptIds.ownLily], 'a text, ignoring case');
    same(await listed(harness, { query: '秋冬' }), [scriptIds.arrivals, scriptIds.catalogue], 'a title or a text');
    same(await listed(harness, { query: '跑团' }), [], 'a colleague’s own is never found');
    same(
      await listed(harness, { categoryId: scriptIds.newIn }),
      [scriptIds.arrivals, scriptIds.ownLily, scriptIds.catalogue],
      'one category',
    );
    same(await listed(harness, { scope: 'own' }), [scriptIds.ownLily, scriptIds.ownTomorrow], 'own only');
    same(
      await listed(harness, { scope: 'company', categoryId: scriptIds.greetings }),
      [scriptIds.poster, scriptIds.memberCard, scriptIds.welcome],
      'company scripts of one category',
    );
    same(await listed(harness, { categoryId: scriptIds.service }), [], 'an empty category');
  });

  defineScripts('listScripts pages by keyset: a script moving up meanwhile is not shown twice', async (harness) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Script[]; nextCursor: string | null } = await harness.call('listScripts', {
        limit: 2,
        cursor,
      });
      check(page.items.length <= 2, 'a page holds at most its limit');
      seen.push(...page.items.map((script) => script.id));
      cursor = page.nextCursor;
    } while (cursor);
    same(seen, LISTED, 'every script once, in order, over pages of 2');

    const first = await harness.call('listScripts', { limit: 3 });
    same(
      first.items.map((script) => script.id),
      LISTED.slice(0, 3),
      'first page',
    );
    // s-c1 (last) is used once: it moves above the first page's end and must not come again.
    await harness.call('recordScriptUse', { scriptId: scriptIds.welcome, channel: 'chat' });
    const second = await harness.call('listScripts', { limit: 3, cursor: first.nextCursor });
    same(
      second.items.map((script) => script.id),
      [scriptIds.ownTomorrow, scriptIds.poster, scriptIds.memberCard],
      'second page after s-c1 moved up',
    );
    same(second.nextCursor, null, 'nothing after the second page');
    await harness.rejects(harness.adapter.listScripts({ cursor: 'not a cursor' }), 'invalid');
  });

  defineScripts(
    'createScript makes an own script once: a replay answers it, another payload conflicts',
    async (harness) => {
      if (!harness.adapter.capabilities.manageScripts) return;
      harness.clock.advance(60_000);
      const requestId = harness.rid();
      const made = await newScript(harness, requestId);
      same(made.scope, 'own', 'scope');
      same(made.ownerId, ids.me, 'ownerId');
      same(made.useCount, 0, 'useCount');
      same(made.categoryId, scriptIds.greetings, 'categoryId');
      same(Date.parse(made.createdAt), harness.clock.now().getTime(), 'createdAt is the adapter’s now');
      same(made.updatedAt, made.createdAt, 'updatedAt');
      const again = await newScript(harness, requestId);
      same(again.id, made.id, 'a replay answers the same script');
      same(
        await listed(harness, { scope: 'own' }),
        [scriptIds.ownLily, made.id, scriptIds.ownTomorrow],
        'made once, listed after the used one and before the older unused one',
      );
      await harness.rejects(newScript(harness, requestId, '另一个标题'), 'conflict');
    },
  );

  defineScripts('a script with an unknown variable or category is invalid', async (harness) => {
    const content = (text: string) => ({ kind: 'text' as const, text });
    await harness.rejects(
      harness.adapter.createScript({
        requestId: harness.rid(),
        categoryId: scriptIds.greetings,
        title: '拼错的变量',
        content: content('{customerNmae}您好'),
      }),
      'invalid',
    );
    if (!harness.adapter.capabilities.manageScripts) return;
    const unknownCategory = await harness.rejects(
      harness.adapter.createScript({
        requestId: harness.rid(),
        categoryId: 'no-such-category',
        title: '无分类',
        content: content('您好'),
      }),
      'invalid',
    );
    same(unknownCategory.field, 'categoryId', 'field of an unknown category');
    await harness.rejects(
      harness.adapter.updateScript({ scriptId: scriptIds.ownTomorrow, content: content('{storeName} {coupon}') }),
      'invalid',
    );
    const moved = await harness.rejects(
      harness.adapter.updateScript({ scriptId: scriptIds.ownTomorrow, categoryId: 'no-such-category' }),
      'invalid',
    );
    same(moved.field, 'categoryId', 'field of an unknown category in an update');
  });

  defineScripts(
    'only the associate’s own scripts change: a company script is forbidden, a colleague’s not found',
    async (harness) => {
      if (!harness.adapter.capabilities.manageScripts) return;
      harness.clock.advance(60_000);
      const changed = await harness.call('updateScript', { scriptId: scriptIds.ownLily, title: '新标题' });
      same(changed.title, '新标题', 'title');
      same(changed.content, { kind: 'text', text: '给 Lily 留的尺码到了' }, 'content kept');
      same(changed.useCount, 1, 'useCount kept');
      same(Date.parse(changed.updatedAt), harness.clock.now().getTime(), 'updatedAt is the adapter’s now');
      const moved = await harness.call('updateScript', {
        scriptId: scriptIds.ownTomorrow,
        categoryId: scriptIds.newIn,
      });
      same(moved.categoryId, scriptIds.newIn, 'categoryId');

      for (const scriptId of [scriptIds.welcome, scriptIds.catalogue]) {
        await harness.rejects(
          harness.adapter.updateScript({ scriptId, title: '改公司话术' }),
          'forbidden',
          'company-script',
        );
        await harness.rejects(harness.adapter.deleteScript({ scriptId }), 'forbidden', 'company-script');
      }
      await harness.rejects(harness.adapter.updateScript({ scriptId: scriptIds.colleagues, title: '改' }), 'not-found');
      await harness.rejects(harness.adapter.deleteScript({ scriptId: scriptIds.colleagues }), 'not-found');
      await harness.rejects(harness.adapter.updateScript({ scriptId: 'nothing', title: '改' }), 'not-found');

      same(await harness.call('deleteScript', { scriptId: scriptIds.ownTomorrow }), { deleted: true }, 'deleted');
      same(await harness.call('deleteScript', { scriptId: scriptIds.ownTomorrow }), { deleted: false }, 'again');
      check(!(await listed(harness)).includes(scriptIds.ownTomorrow), 'a deleted script is not listed');
      await harness.rejects(
        harness.adapter.recordScriptUse({ scriptId: scriptIds.ownTomorrow, channel: 'chat' }),
        'not-found',
      );
      await harness.rejects(
        harness.adapter.updateScript({ scriptId: scriptIds.ownTomorrow, title: '改' }),
        'not-found',
      );
    },
  );

  defineScripts('own scripts follow the manageScripts capability', async (harness) => {
    if (harness.adapter.capabilities.manageScripts) {
      const made = await newScript(harness);
      check((await listed(harness, { scope: 'own' })).includes(made.id), 'with the capability, own scripts are made');
      return;
    }
    await harness.rejects(newScript(harness), 'forbidden', 'no-own-scripts');
    await harness.rejects(
      harness.adapter.updateScript({ scriptId: scriptIds.ownLily, title: '改' }),
      'forbidden',
      'no-own-scripts',
    );
    await harness.rejects(harness.adapter.deleteScript({ scriptId: scriptIds.ownLily }), 'forbidden', 'no-own-scripts');
    same(
      (await harness.call('recordScriptUse', { scriptId: scriptIds.ownLily, channel: 'copy' })).useCount,
      2,
      'an own script is still used without the capability',
    );
  });
}
