// Size budgets (KB, minified + gzip), measured by scripts/size.js on what a retailer's bundler makes
// of the packed packages' `dist`. The budgets live here, not in the published package.json files.
// A budget is a regression alarm: when readable code costs bytes, measure and raise it here, in the open.

/** What a consumer's page loads, Lit and core included. */
export const CONSUMER_BUDGETS = {
  /** The five elements of the first wave and the provider: what loads before any data (issue 19's target). */
  firstFiveInitial: 40,
  /**
   * Every element and the provider (`@clienteling/elements`, eager by design: a page that wants less imports
   * each element's `define.js`). Measured 2026-12-01: 88.74 with the customer's profile and timeline (issue 20),
   * the task list (23) and the customer transfer (22); 96.11 with the staff results (24); 116.13 with the script
   * library and the broadcast composer (issue 21); 116.73 with drafts saved at once and committed; 117.50 with
   * wallTimeIn (the stores' zones without Intl) and the tag picker's buttons reused by position (issue 19);
   * 106.07 with English strings, idb and the composers' tag picker loaded on demand (issue 19); 100.45 with the
   * parts that open on a tap loaded on demand (core's OnDemand: forms, confirmations, what shows after sending);
   * 99.85 with those parts' strings loaded with them (core's extendMessages).
   */
  allInOneInitial: 101.0,
  /**
   * One element alone (`@clienteling/<element>/define.js`) with the provider, Lit and core. Measured 2026-12-03:
   * the floor under it (`npm run size`'s floor row: the provider and a one-string element on core's element kit)
   * is 14.06 (esbuild) and 13.45 (Rollup), which leaves 5.94 for an element's own code: less than the 8 of an
   * element's own-code budget (DEFAULT_ELEMENT_BUDGET), so an element that uses its own-code budget cannot meet
   * this one.
   */
  elementInitial: 20,
  /**
   * zod and the schemas, loaded when the first adapter call is validated (core's load-validation.ts): the loader,
   * zod, the shared schemas and those of the call's operation group, the largest group measured. It was 12.71 with
   * the tasks and transfers, 15.33 with scripts and broadcasts, 16.4 to 18.22 when the first validation loaded
   * every schema; 13.16 to 14.19 with a group's schemas only (five groups); 12.24 to 13.16 with whole numbers and
   * keyed objects as refinements (schema-kit.ts). Measured 2026-12-02: 10.72 to 11.71 with eight groups and the
   * staff and policy schemas in the common group rather than in what every group shares (the most in bundles
   * where the limits and the text rules load with the first validation rather than with the element).
   */
  validationLazy: 12,
  /**
   * The CDN build's eager part: its entry and the chunks it imports (the provider, both adapters, the rules).
   * Measured 2026-12-01: 147.32 with every element eager; 49.70 with each element a chunk loaded by its tag;
   * 35.63 with zod and the schemas loaded by the adapters' first call (`loadValidation()`).
   */
  cdnEager: 45,
  /** The largest chunk of the CDN build that loads with one element (the autoloader's unit). */
  cdnLazyChunk: 14,
};

/**
 * Where issue 19's targets above are not met yet: the measured size (2026-12-01, both bundlers' larger)
 * plus 0.5 KB, so that `npm test` still catches a regression. `npm run size` prints the target next to
 * the ceiling and counts the targets missed. Remove an entry once its target holds.
 */
export const INTERIM_CEILINGS = {
  // The first five: 53.75 with wallTimeIn (issue 19); 50.14 with English on demand (-3.7) and idb loaded with the
  // first draft. Earlier: + 0.66 for drafts saved at once, + 1.5 for the staff card's contact-me code and the shared
  // attachment editor, + 1.0 for the tag picker's direct DOM, + 2.43 and + 2.4 for issue 17 (measured 49.88 then).
  // 50.13 with the coupon's send sheet and the moments composer's outcome on demand; 50.01 with the strings of
  // the parts on demand loaded with them (core's extendMessages); 49.60 with the composers' file checks and
  // uploads on demand (attachment-intake.js). 49.85 (2026-12-03, + 0.25) with the virtual lists' row heights
  // reported by a ResizeObserver (core's virtual-list.ts), which brought the member list's first rows at 4x CPU
  // from 1.17x to about 1.0x a bare virtualizer (target 1.15).
  'first-five': 50.1,
  // Each element alone, measured 2026-12-01 (the larger of esbuild and Rollup), + 0.5. Every figure fell by 1.5 to
  // 2.7 with English on demand (issue 19); the composers' and the timeline's by 1.0 more with idb loaded with the
  // first draft, and the two composers' by 3.4 more with the tag picker loaded when "by tags" is chosen. The staff
  // card (19.22) meets its target since it imports its helpers from core's errors.js, request-id.js and
  // contact-state.js instead of the trade.js barrel, through which esbuild's splitting loaded the limits and rules
  // the schemas use (about 0.9 KB for the staff card, 1.0 for the member list). The coupon dispenser (19.76) meets
  // it since its send sheet loads on demand and it imports core's coupon-rules.js and default-time-zone.js.
  // Measured 2026-12-02 (the parts that open on a tap loaded with core's OnDemand), earlier figures in brackets;
  // "strings" where the strings of those parts then moved into catalogs loaded with them (core's extendMessages):
  '@clienteling/tag-editor': 23.4, // 23.04 (22.88; + 0.11 for core's shared counter and on-demand strings)
  '@clienteling/moments-composer': 26.6, // 26.08 file checks (26.50; 32.19 before English, idb, tag picker on demand)
  // The member list's parts that open on a tap (the remove dialog, 0.58) cost more to load apart than they weigh.
  // 21.37 and 25.06 (2026-12-03) with the row heights reported by a ResizeObserver, see 'first-five'.
  '@clienteling/group-member-list': 21.6, // 21.21 (21.04; 22.68 before English on demand and core's errors.js)
  '@clienteling/customer-profile': 23.1, // 22.55 (24.60; the editors on demand, core's wall-time.js)
  '@clienteling/customer-timeline': 25.4, // 24.87 (24.89; 26.81 before English and idb on demand)
  '@clienteling/task-list': 25.1, // 24.60 strings (24.80; 25.53 before the add form on demand)
  '@clienteling/customer-transfer': 26.2, // 25.67 strings (26.09; 29.57 before the handover and picker on demand)
  '@clienteling/staff-results': 23.0, // 22.56 (22.42)
  '@clienteling/script-library': 24.9, // 24.38 strings (24.51; 25.33 before the own-script form on demand)
  // "file checks": the composers' file checks and uploads on demand (attachment-intake.js), measured 2026-12-03.
  '@clienteling/broadcast-composer': 27.2, // 26.62 file checks (27.27 strings; 29.23 before confirmation, progress)
};

/** The own-code budget of an element package that has no entry below (issue 19: a new element at most 8 KB). */
export const DEFAULT_ELEMENT_BUDGET = 8;

/**
 * Each package's own code: `import` is bundled with `external` kept out (`lit` stands for Lit and
 * its parts). `lazyBudget` applies to each chunk the entry loads later.
 */
export const OWN_CODE_BUDGETS = [
  {
    label: '@clienteling/core (provider, element kit)',
    import: '@clienteling/core/define.js',
    external: ['lit'],
    budget: 7,
  },
  {
    label: '@clienteling/core/backend',
    import: '@clienteling/core/backend.js',
    external: ['lit'],
    budget: 3.2, // issue 20 #1: the timeline rules (followers, the activity of each change); measured 1.33;
    // issues 22, 23: customer search by staff and tags (measured 1.53); issue 24: the purchases of a
    // timeline, shared by adapter-local and the server (measured 2.83)
  },
  {
    import: '@clienteling/adapter-local',
    external: ['lit', '@clienteling/core'],
    budget: 13.8, // issue 20 #1: updateCustomer, the timeline and notes, activity in every change; measured 6.88;
    // issues 23, 22: tasks (rules run on listTasks) and transfers (settled on every call); measured 9.09;
    // issue 24: contact ways, purchases and results from IndexedDB (measured 10.48); issue 21: the script library
    // and broadcasts with their paced sending (measured 13.29)
  },
  { import: '@clienteling/adapter-http', external: ['lit', '@clienteling/core'], budget: 4 },
  { import: '@clienteling/host-bridge', external: ['lit', '@clienteling/core'], budget: 3, lazyBudget: 25 },
  { import: '@clienteling/staff-card/define.js', external: ['lit', '@clienteling/core'], budget: 6.3 }, // measured 5.77
  {
    import: '@clienteling/tag-editor/define.js',
    external: ['lit', '@clienteling/core'],
    budget: 8.4, // issue 19: the picker writes its tag buttons directly (measured 8.05); 7.94 with English on demand
  },
  { import: '@clienteling/tag-editor/tag-picker.js', external: ['lit', '@clienteling/core'] },
  {
    import: '@clienteling/moments-composer/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor', 'idb'],
    budget: 11.4, // issue 17 #6 #7: + 1.80 measured (9.54 -> 11.34); issue 21: the attachment editor, a module of
    // its own shared with broadcasts (measured 12.01); 11.18 with English on demand (issue 19); 10.87 with the
    // outcome after publishing on demand; 10.18 with the file checks and uploads on demand
  },
  {
    import: '@clienteling/coupon-dispenser/define.js',
    external: ['lit', '@clienteling/core'],
    budget: 6.0, // issue 17 #2 #4 #5 #6 #11 #13: + 1.16 measured (5.38 -> 6.54); 5.83 with English on demand; 5.51
    // with the send sheet on demand; 5.14 with its strings loaded with it
  },
  {
    import: '@clienteling/group-member-list/define.js',
    external: ['lit', '@clienteling/core'],
    budget: 7.2, // issue 17 #6 #8 #10 #12 #13: + 0.82 measured (6.60 -> 7.42); 6.68 with English on demand
    lazyBudget: 8,
  },
  // The later elements: issue 19's target of 8 each, with an interim ceiling (measured + 0.5) where it is not met
  // yet; `npm run size` counts them among the targets missed. Measured 2026-12-02 with the parts that open on a
  // tap loaded on demand (core's OnDemand).
  {
    import: '@clienteling/customer-profile/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor'],
    budget: DEFAULT_ELEMENT_BUDGET, // issue 20 #2: 9.33; 8.46 with English on demand; 7.61 with the editors on demand
  },
  {
    import: '@clienteling/customer-timeline/define.js',
    external: ['lit', '@clienteling/core', 'idb'],
    budget: DEFAULT_ELEMENT_BUDGET,
    // Issue 20 #3: 9.44; 8.71 with English on demand; 8.64 without three unused strings. Its note form and list
    // are the first screen; the details dialog (about 0.15) would cost more to load apart than it weighs.
    ceiling: 9.1,
  },
  {
    import: '@clienteling/task-list/define.js',
    external: ['lit', '@clienteling/core'],
    // Issue 23: 9.80; 8.70 with English on demand; 7.63 with the add form on demand; 7.46 with its strings.
    budget: DEFAULT_ELEMENT_BUDGET,
  },
  {
    import: '@clienteling/customer-transfer/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor'],
    budget: DEFAULT_ELEMENT_BUDGET,
    // Issue 22 #2: six steps, select all across pages, statuses: 16.03; 10.95 with English on demand; 10.33 with
    // the handover (the preview's answer, the confirmation, the status) on demand; 9.98 with its strings loaded
    // with it. The five steps filled in first are the first screen, 7.3 of it.
    ceiling: 10.5,
  },
  {
    import: '@clienteling/script-library/define.js',
    external: ['lit', '@clienteling/core'],
    // Issue 21 #2: 9.87; 8.65 with English on demand; 7.43 with the own-script form on demand; 7.29 with its strings.
    budget: DEFAULT_ELEMENT_BUDGET,
  },
  {
    import: '@clienteling/broadcast-composer/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor', '@clienteling/moments-composer', 'idb'],
    // Issue 21 #3: 11.03 (the attachment editor is moments-composer's, shared); 9.88 with English on demand; 8.02
    // (Rollup 7.97) with the confirmation and the progress on demand; 7.55 with their strings loaded with them.
    budget: DEFAULT_ELEMENT_BUDGET,
  },
];
