import { expect } from '@open-wc/testing';
import {
  CouponStockSchema,
  CustomerSchema,
  GroupMemberSchema,
  GroupSchema,
  IssuedCouponSchema,
  MomentSchema,
  PolicySchema,
  StaffProfileSchema,
  StoreSchema,
  TagGroupSchema,
  couponStockStatus,
  isValidityWindowAllowed,
  parseOrInvalid,
} from '@clienteling/core';
import { SEED_MANAGER_STAFF_ID, UNREACHABLE_TAG_ID, generateSeed, seededRandom } from '../src/seed.js';

const now = new Date('2026-11-10T02:00:00.000Z');
const zh = generateSeed({ now });

describe('generateSeed', () => {
  it('has 3 stores and 20 staff, some of them not verified', () => {
    expect(zh.stores).to.have.length(3);
    expect(zh.staff).to.have.length(20);
    const unverified = zh.staff.filter((s) => !s.verified);
    expect(unverified.length).to.be.within(1, 5);
    expect(zh.staff.find((s) => s.id === zh.signedInStaffId)!.verified).to.equal(true);
    for (const s of zh.staff) expect(zh.stores.map((x) => x.id)).to.include(s.store!.id);
  });

  it('has 2,000 customers with zh-CN names, unique ids, and a share for the signed-in associate', () => {
    expect(zh.customers).to.have.length(2000);
    expect(new Set(zh.customers.map((c) => c.id)).size).to.equal(2000);
    for (const c of zh.customers) expect(c.name).to.match(/^[\u4e00-\u9fa5]{2,3}$/);
    const mine = zh.customers.filter((c) => c.ownerStaffId === zh.signedInStaffId);
    expect(mine.length).to.be.within(200, 500);
    expect(zh.customers.some((c) => c.ruleTagIds.includes(UNREACHABLE_TAG_ID))).to.equal(true);
  });

  it('has 6 tag groups with about 60 tags: age single-select, a rule group, soft-deleted tags', () => {
    expect(zh.tagGroups).to.have.length(6);
    const tags = zh.tagGroups.flatMap((g) => g.tags);
    expect(tags.length).to.be.within(55, 65);
    expect(new Set(tags.map((t) => t.id)).size).to.equal(tags.length);
    expect(zh.tagGroups.find((g) => g.id === 'tg-age')!.selection).to.equal('single');
    expect(zh.tagGroups.filter((g) => g.kind === 'rule')).to.have.length(1);
    expect(tags.some((t) => t.deleted)).to.equal(true);
    for (const t of tags) expect([...t.name].length).to.be.at.most(30);
    // customers carry only live tags, at most one per single-select group, rule tags only as rule tags
    const live = new Set(tags.filter((t) => !t.deleted).map((t) => t.id));
    const single = new Map(
      zh.tagGroups.filter((g) => g.selection === 'single').flatMap((g) => g.tags.map((t) => [t.id, g.id])),
    );
    for (const c of zh.customers) {
      for (const id of c.tagIds) expect(live.has(id) && !id.startsWith('rt-'), id).to.equal(true);
      const groups = c.tagIds.map((id) => single.get(id)).filter(Boolean);
      expect(new Set(groups).size).to.equal(groups.length);
    }
  });

  it('has 10 coupon stocks of every kind and state, consistent with the coupons issued', () => {
    expect(zh.couponStocks).to.have.length(10);
    expect(new Set(zh.couponStocks.map((s) => s.benefit.kind))).to.deep.equal(
      new Set(['amount-off', 'discount', 'gift']),
    );
    const states = zh.couponStocks.map((s) => couponStockStatus(s, now));
    expect(states).to.include.members(['active', 'sold-out', 'not-started', 'expired']);
    zh.couponStocks.forEach((s, i) => expect(s.status).to.equal(states[i]));
    for (const s of zh.couponStocks) {
      expect(isValidityWindowAllowed(s.validFrom, s.validUntil), s.id).to.equal(true);
      const issued = zh.issuedCoupons.filter((c) => c.stockId === s.id);
      expect(s.remaining, s.id).to.equal(s.total - issued.length);
      const perCustomer = new Map<string, number>();
      for (const c of issued) perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
      for (const held of perCustomer.values()) expect(held).to.be.at.most(s.perCustomerLimit);
    }
  });

  it('has 8 customer groups of 20 to 500 members and an internal group of 2,000', () => {
    const external = zh.groups.filter((g) => g.kind === 'external');
    const internal = zh.groups.filter((g) => g.kind === 'internal');
    expect(external).to.have.length(8);
    expect(internal).to.have.length(1);
    for (const g of zh.groups) {
      const members = zh.members.filter((m) => m.groupId === g.id);
      expect(g.memberCount, g.id).to.equal(members.length);
      expect(members.length).to.be.at.most(g.memberCap);
      expect(new Set(members.map((m) => m.id)).size).to.equal(members.length);
      expect(members.filter((m) => m.role === 'owner').map((m) => m.id)).to.deep.equal([g.ownerId]);
      expect(g.viewerRole).to.equal(members.find((m) => m.id === zh.signedInStaffId)?.role ?? 'none');
      if (g.kind === 'internal') expect(members.every((m) => m.type === 'staff')).to.equal(true);
    }
    const sizes = external.map((g) => g.memberCount);
    expect(Math.min(...sizes)).to.equal(20);
    expect(Math.max(...sizes)).to.equal(500);
    expect(internal[0]!.memberCount).to.equal(2000);
  });

  it('has one manager per store, the signed-in associate’s store’s for the demo, and a cap the demo reaches', () => {
    const managers = zh.staff.filter((s) => s.role === 'manager');
    expect(managers.map((s) => s.store!.id).sort()).to.deep.equal(zh.stores.map((s) => s.id).sort());
    const signedIn = zh.staff.find((s) => s.id === zh.signedInStaffId)!;
    expect(signedIn.role).to.equal(undefined);
    const manager = zh.staff.find((s) => s.id === SEED_MANAGER_STAFF_ID)!;
    expect([manager.role, manager.store!.id]).to.deep.equal(['manager', signedIn.store!.id]);
    // The successor's cap the demo reaches: the signed-in associate's customers do not all fit with a colleague's.
    const owned = (id: string) => zh.customers.filter((c) => c.ownerStaffId === id).length;
    expect(owned(zh.signedInStaffId) + owned('staff-04')).to.be.above(zh.policy.customerCap!);
    expect(250 + owned(SEED_MANAGER_STAFF_ID)).to.be.at.most(zh.policy.customerCap!);
    expect(zh.policy.customerCap).to.equal(400);
  });

  it('validates against the schemas of the contract', () => {
    parseOrInvalid(PolicySchema, zh.policy, 'policy');
    const all = [
      [StoreSchema, zh.stores],
      [StaffProfileSchema, zh.staff],
      [CustomerSchema, zh.customers],
      [TagGroupSchema, zh.tagGroups],
      [CouponStockSchema, zh.couponStocks],
      [IssuedCouponSchema, zh.issuedCoupons],
      [GroupSchema, zh.groups],
      [GroupMemberSchema, zh.members],
      [MomentSchema, zh.moments],
    ] as const;
    for (const [schema, records] of all) for (const r of records) parseOrInvalid(schema, r, 'record');
    expect(zh.moments.length).to.be.greaterThan(0);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateSeed({ now }))).to.equal(JSON.stringify(zh));
    expect(JSON.stringify(generateSeed({ now, seed: 7 }))).not.to.equal(JSON.stringify(zh));
    const r = seededRandom(1);
    const values = [r(), r(), r()];
    expect(values.every((v) => v >= 0 && v < 1)).to.equal(true);
    const again = seededRandom(1);
    expect([again(), again(), again()]).to.deep.equal(values);
  });

  it('has an English option with the same structure', () => {
    const en = generateSeed({ now, locale: 'en' });
    expect(en.customers).to.have.length(2000);
    for (const c of en.customers.slice(0, 200)) expect(c.name).to.match(/^[A-Za-z]+ [A-Za-z]+$/);
    expect(en.staff[0]!.companyName).to.match(/^[\x20-\x7e]+$/);
    for (const g of en.tagGroups) for (const t of g.tags) expect(t.name).to.match(/^[\x20-\x7e]+$/);
    expect(en.couponStocks.map((s) => s.id)).to.deep.equal(zh.couponStocks.map((s) => s.id));
    expect(en.members.length).to.equal(zh.members.length);
  });

  it('defaults to the current time', () => {
    const fresh = generateSeed();
    expect(Math.abs(Date.parse(fresh.couponStocks[0]!.validFrom) + 10 * 86_400_000 - Date.now())).to.be.below(60_000);
  });
});
