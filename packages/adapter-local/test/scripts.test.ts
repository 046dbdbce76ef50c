import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { ScriptCategorySchema, ScriptSchema, parseOrInvalid, scriptVariablesIn } from '@clienteling/core';
import { CONFORMANCE_START, conformanceDataset } from '@clienteling/adapter-testkit';
import { createLocalAdapter, DB_VERSION, type LocalAdapter } from '../src/index.js';
import { upgrade, type LocalSchema } from '../src/schema.js';
import { generateSeed } from '../src/seed.js';
import { openUpgraded, seededMeta } from './upgrade-kit.js';

let n = 0;
const opened: Array<[LocalAdapter, string]> = [];
afterEach(async () => {
  for (const [adapter, name] of opened.splice(0)) {
    adapter.close();
    await deleteDB(name);
  }
});
const now = new Date('2026-11-11T10:00:00Z');

describe('adapter-local scripts (issue 21)', () => {
  it('seeds a library of six categories, 32 company scripts of every kind and three of the associate’s own', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const seed = generateSeed({ now, locale });
      const categories = seed.scriptCategories ?? [];
      const scripts = seed.scripts ?? [];
      expect(categories).to.have.length(6);
      for (const category of categories) parseOrInvalid(ScriptCategorySchema, category, 'a category');
      for (const script of scripts) parseOrInvalid(ScriptSchema, { ...script, useCount: 0 }, `script ${script.id}`);
      const company = scripts.filter((script) => script.scope === 'company');
      const own = scripts.filter((script) => script.ownerId === seed.signedInStaffId);
      expect(company).to.have.length(32);
      expect(own).to.have.length(3);
      expect(new Set(company.map((script) => script.content.kind))).to.have.keys([
        'text',
        'image',
        'link',
        'miniprogram',
      ]);
      const variables = new Set(
        scripts.flatMap((script) => (script.content.kind === 'text' ? scriptVariablesIn(script.content.text) : [])),
      );
      expect([...variables]).to.have.members(['customerName', 'staffName', 'storeName']);
      const known = new Set(categories.map((category) => category.id));
      expect(scripts.every((script) => known.has(script.categoryId))).to.equal(true);
      for (const category of categories)
        expect(scripts.some((script) => script.categoryId === category.id)).to.equal(true, category.name);
      expect(scripts.every((script) => Date.parse(script.updatedAt) <= now.getTime())).to.equal(true);
      const ids = new Set(scripts.map((script) => script.id));
      expect(seed.scriptUses!.every((use) => ids.has(use.scriptId))).to.equal(true);
    }
  });

  it('lists the seeded library most used first for the signed-in associate, without a colleague’s own', async () => {
    const dbName = `scripts-seed-${Date.now()}-${++n}`;
    const adapter = createLocalAdapter({ dbName, dataset: generateSeed({ now }), clock: () => now });
    opened.push([adapter, dbName]);
    const page = await adapter.listScripts({ limit: 100 });
    expect(page.items).to.have.length(35);
    expect(page.items.slice(0, 3).map((script) => script.useCount)).to.deep.equal([14, 9, 6]);
    expect(page.items.some((script) => script.id === 'script-colleague-01')).to.equal(false);
    expect((await adapter.listScriptCategories({})).map((category) => category.name)).to.deep.equal([
      '问候',
      '新品',
      '活动',
      '售后',
      '节日',
      '会员',
    ]);
  });

  it('without the manageScripts capability, own scripts are forbidden and the library still reads', async () => {
    const dbName = `scripts-capability-${Date.now()}-${++n}`;
    const dataset = conformanceDataset();
    dataset.scriptCategories = [{ id: 'sc-1', name: '问候', order: 0 }];
    dataset.scripts = [
      {
        id: 's-own',
        categoryId: 'sc-1',
        title: '我的',
        content: { kind: 'text', text: '您好' },
        scope: 'own',
        ownerId: 'st-me',
        createdAt: CONFORMANCE_START,
        updatedAt: CONFORMANCE_START,
      },
    ];
    const adapter = createLocalAdapter({ dbName, dataset, capabilities: { manageScripts: false } });
    opened.push([adapter, dbName]);
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: { code: string; reason?: string }) => [error.code, error.reason],
      );
    const create = adapter.createScript({
      requestId: 'script-request-0001',
      categoryId: 'sc-1',
      title: '新的',
      content: { kind: 'text', text: '您好' },
    });
    expect(await refused(create)).to.deep.equal(['forbidden', 'no-own-scripts']);
    expect(await refused(adapter.updateScript({ scriptId: 's-own', title: '改' }))).to.deep.equal([
      'forbidden',
      'no-own-scripts',
    ]);
    expect(await refused(adapter.deleteScript({ scriptId: 's-own' }))).to.deep.equal(['forbidden', 'no-own-scripts']);
    expect((await adapter.listScripts({})).items.map((script) => script.id)).to.deep.equal(['s-own']);
  });

  it('upgrades a version-6 database: the library stores and their indexes, an empty library that takes scripts', async () => {
    const dbName = `scripts-upgrade-${Date.now()}-${++n}`;
    const dataset = conformanceDataset();
    const v6 = await openDB<LocalSchema>(dbName, 6, { upgrade });
    expect([...v6.objectStoreNames]).not.to.include('scripts');
    const raw = v6 as unknown as import('idb').IDBPDatabase;
    const tx = raw.transaction(raw.objectStoreNames, 'readwrite');
    dataset.staff.forEach((person) => void tx.objectStore('staff').put(person));
    void tx.objectStore('meta').put(seededMeta(dataset), 'dataset');
    await tx.done;
    v6.close();

    const { adapter } = openUpgraded(dbName);
    opened.push([adapter, dbName]);
    expect(await adapter.listScriptCategories({})).to.deep.equal([]);
    expect((await adapter.listScripts({})).items).to.deep.equal([]);
    adapter.close();
    const upgraded = await openDB(dbName);
    expect(upgraded.version).to.equal(DB_VERSION);
    expect([...upgraded.transaction('scripts').store.indexNames]).to.have.members(['byOwner']);
    expect([...upgraded.transaction('scriptUses').store.indexNames]).to.have.members(['byStaff']);
    expect(upgraded.transaction('scriptUses').store.keyPath).to.deep.equal(['staffId', 'scriptId']);
    upgraded.close();
  });
});
