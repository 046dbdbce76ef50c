// An in-memory script backend for the script library's tests and stories: categories, company and
// own scripts searched, filtered and ordered as the contract says (most used first, then newest,
// then id; keyset pages), own scripts written, changed and deleted, uses recorded; failures and
// hangs to order, every call recorded.
import { AdapterError, type Capabilities, type Script, type ScriptCategory } from '@clienteling/core';
import { fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';

export const NOW = new Date('2026-12-01T02:00:00.000Z');

export const categories: ScriptCategory[] = [
  { id: 'cat-greet', name: '开场问候', order: 0 },
  { id: 'cat-new', name: '新品推荐', order: 1 },
  { id: 'cat-after', name: '售后关怀', order: 2 },
];

/** An inline picture (no network in stories and tests): a coloured card with a word on it. */
const picture = (width: number, height: number, colour: string, word: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><rect width="${width}" ` +
      `height="${height}" fill="${colour}"/><text x="50%" y="55%" font-size="${Math.round(height / 6)}" ` +
      `text-anchor="middle" fill="#fff">${word}</text></svg>`,
  )}`;

/** The new-arrivals poster of the image script, and the cover of the link card. */
export const POSTER_URL = picture(750, 400, '#8a3b2f', '冬季新品');
export const COVER_URL = picture(120, 120, '#2f5f8a', '羊绒');

const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const script = (over: Partial<Script> & Pick<Script, 'id' | 'title' | 'content'>): Script => ({
  categoryId: 'cat-greet',
  scope: 'company',
  useCount: 0,
  createdAt: at(30),
  updatedAt: at(30),
  ...over,
});

/** Company scripts of every kind and two of the associate's own. */
export const scriptsOfEveryKind = (): Script[] => [
  script({
    id: 'greet-1',
    title: '首次问候',
    content: { kind: 'text', text: '{customerName}您好，我是{storeName}的{staffName}，有需要随时找我。' },
    useCount: 12,
    lastUsedAt: at(1),
  }),
  script({
    id: 'new-1',
    categoryId: 'cat-new',
    title: '冬季新品',
    content: {
      kind: 'link',
      link: {
        url: 'https://shop.example.com/winter',
        title: '冬季羊绒系列上新',
        coverUrl: COVER_URL,
      },
    },
    useCount: 5,
  }),
  script({
    id: 'new-2',
    categoryId: 'cat-new',
    title: '新品海报',
    content: { kind: 'image', image: { url: POSTER_URL, width: 750, height: 400 } },
    useCount: 3,
  }),
  script({
    id: 'after-1',
    categoryId: 'cat-after',
    title: '小程序下单',
    content: {
      kind: 'miniprogram',
      miniprogram: { appId: 'wx-shop', pagePath: 'pages/order/list', title: '查看我的订单' },
    },
    useCount: 1,
  }),
  script({
    id: 'own-1',
    scope: 'own',
    ownerId: 'staff-1',
    title: '我的开场白',
    content: { kind: 'text', text: '{customerName}，今天店里到了您上次问的那款，要不要留一件？' },
    useCount: 2,
    updatedAt: at(2),
  }),
  script({
    id: 'own-2',
    scope: 'own',
    ownerId: 'staff-1',
    categoryId: 'cat-after',
    title: '回访',
    content: { kind: 'text', text: '衣服穿着还合适吗？' },
  }),
];

/** `count` text scripts, for paging. */
export const manyScripts = (count: number): Script[] =>
  Array.from({ length: count }, (_, index) =>
    script({
      id: `many-${String(index).padStart(3, '0')}`,
      title: `话术 ${index + 1}`,
      content: { kind: 'text', text: `第 ${index + 1} 条话术` },
      useCount: count - index,
    }),
  );

export interface ScriptBackendOptions {
  scripts?: Script[];
  categories?: ScriptCategory[];
  capabilities?: Partial<Capabilities>;
  /** Operations that reject with this error. */
  failing?: Partial<Record<string, AdapterError>>;
  /** Operations that never answer (listScripts when `true`). */
  hang?: boolean | string[];
}

export type ScriptBackend = StubAdapter & { scripts: Script[] };

/** The contract's order: most used first, then the newest change, then id. */
const byUse = (a: Script, b: Script) =>
  b.useCount - a.useCount || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);

export function scriptBackend(options: ScriptBackendOptions = {}): ScriptBackend {
  const scripts = [...(options.scripts ?? scriptsOfEveryKind())];
  const hanging = options.hang === true ? ['listScripts'] : options.hang || [];
  let made = 0;
  const byRequest = new Map<string, Script>();
  const guard = async <T>(name: string, answer: () => T): Promise<T> => {
    if (hanging.includes(name)) return new Promise<T>(() => {});
    const failure = options.failing?.[name];
    if (failure) throw failure;
    return answer();
  };
  const find = (scriptId: string) => {
    const found = scripts.find((shown) => shown.id === scriptId);
    if (!found) throw new AdapterError('not-found', 'No such script');
    if (found.scope === 'company')
      throw new AdapterError('forbidden', 'A company script', { reason: 'company-script' });
    return found;
  };
  const save = (next: Script) => {
    scripts.splice(
      scripts.findIndex((shown) => shown.id === next.id),
      1,
      next,
    );
    return next;
  };
  const adapter = stubAdapter(
    {
      getCurrentStaff: async () => fixtures.staff(),
      getCustomer: async (input) => {
        const { customerId } = input as { customerId: string };
        if (customerId === 'cust-1') return fixtures.customer({ id: 'cust-1', name: '陈静', remark: '陈姐' });
        return fixtures.customer({ id: customerId, name: '李娜' });
      },
      listScriptCategories: () => guard('listScriptCategories', () => options.categories ?? categories),
      listScripts: (input) =>
        guard('listScripts', () => {
          const { query, categoryId, scope, cursor, limit = 20 } = input;
          const words = query?.toLowerCase();
          const matching = scripts
            .filter((shown) => !categoryId || shown.categoryId === categoryId)
            .filter((shown) => !scope || shown.scope === scope)
            .filter((shown) => !words || JSON.stringify([shown.title, shown.content]).toLowerCase().includes(words))
            .sort(byUse);
          const start = cursor ? Number(cursor) : 0;
          const items = matching.slice(start, start + limit);
          return { items, nextCursor: start + limit < matching.length ? String(start + limit) : null };
        }),
      createScript: (input) =>
        guard('createScript', () => {
          const known = byRequest.get(input.requestId);
          if (known) return known;
          const time = NOW.toISOString();
          const created: Script = {
            id: `made-${++made}`,
            categoryId: input.categoryId,
            title: input.title,
            content: input.content,
            scope: 'own',
            ownerId: 'staff-1',
            useCount: 0,
            createdAt: time,
            updatedAt: time,
          };
          byRequest.set(input.requestId, created);
          scripts.push(created);
          return created;
        }),
      updateScript: (input) =>
        guard('updateScript', () => {
          const { scriptId, ...changes } = input;
          return save({ ...find(scriptId), ...changes, updatedAt: NOW.toISOString() });
        }),
      deleteScript: (input) =>
        guard('deleteScript', () => {
          find(input.scriptId);
          scripts.splice(
            scripts.findIndex((shown) => shown.id === input.scriptId),
            1,
          );
          return { deleted: true };
        }),
      recordScriptUse: (input) =>
        guard('recordScriptUse', () => {
          const used = scripts.find((shown) => shown.id === input.scriptId);
          if (!used) throw new AdapterError('not-found', 'No such script');
          return save({ ...used, useCount: used.useCount + 1, lastUsedAt: NOW.toISOString() });
        }),
    },
    options.capabilities,
  );
  return Object.assign(adapter, { scripts });
}
