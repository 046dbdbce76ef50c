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
   * wallTimeIn (the stores' zones without Intl) and the tag picker's buttons reused by position (issue 19).
   */
  allInOneInitial: 118,
  /** One element alone (`@clienteling/<element>/define.js`) with the provider, Lit and core. */
  elementInitial: 20,
  /** zod and the schemas, loaded when the first adapter call is validated (core's load-validation.ts). */
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
  // zod and the schemas: 12 until the task (issue 23) and transfer (22) schemas, measured 12.71 since; 14.20 with
  // issue 24's (contact ways, purchases, results); 15.33 with issue 21's (scripts, broadcasts); 16.73 (17.41 in the
  // member list's Rollup bundle) in three chunks evaluated in three tasks (issue 19: one took about 80 ms at 4x CPU
  // after the first paint), whose cross-chunk imports and exports cost 1.4.
  validation: 17.9,
  'first-five': 54.3, // 53.75 with wallTimeIn (the stores' zones without Intl, issue 19); + 0.66 for drafts saved at once, in order, committed (never lost on a reload; measured 53.48);
  // + 1.5 for the staff card's contact-me code (issue 24, 0.8) and the attachment editor both
  // composers share (issue 21, 0.67; measured 52.82); + 1.0 for the tag picker's direct DOM (issue 19) and the shared kit (measured 51.36); + 2.43 for issue 17 (composer + 1.80, tag editor + 0.63, own code measured); + 2.4 for
  // issue 17's element kit (timeout, offline, feedback, URL policy), coupon dispenser and member list (measured 49.88)
  '@clienteling/moments-composer': 32.7, // 32.19 with wallTimeIn (the stores' zones without Intl, issue 19); + 0.69: drafts saved at once and committed (measured 31.96); + 1.1: the attachment editor shared with broadcasts (issue 21, measured 31.27); + 1.3: the tag picker and the drafts module in core (measured 30.25);
  // + 1.80 for issue 17 #6 #7 (own code measured 9.54 -> 11.34)
  '@clienteling/tag-editor': 23.9, // 23.31 with the picker's buttons reused by position (issue 19: keystroke 1.47x -> 0.90x) and wallTimeIn (the stores' zones without Intl); + 1.06 for the picker's direct DOM, issue 19 (own code 6.99 -> 8.05; measured
  // 22.78); + 0.63 for issue 17 #6 #9 (own code measured 6.36 -> 6.99)
  '@clienteling/group-member-list': 23.2, // 22.68 with wallTimeIn (the stores' zones without Intl, issue 19); + 0.6 for the shared virtual list in core, issue 19 (measured 22.26); + 1.2 for issue 17 #2 #5 #6 #8 #12 #13 (kit + own code; measured 21.63)
  '@clienteling/coupon-dispenser': 22.1, // 21.58 with wallTimeIn (the stores' zones without Intl, issue 19); + 0.6: the shared bottom sheet and the kit's host share (measured 21.42); issue 17 #2 #4 #5 #6 #13: element kit + own code (measured 20.82)
  '@clienteling/customer-profile': 26.0, // 25.48 with wallTimeIn (the stores' zones without Intl, issue 19); issue 20 #2: own code 9.33 (measured 24.85)
  '@clienteling/customer-timeline': 27.4, // 26.81 with wallTimeIn (the stores' zones without Intl, issue 19); issue 20 #3: own code 9.44 (measured 25.99); + 0.43: drafts saved at once
  // and committed (measured 26.73)
  '@clienteling/task-list': 27, // 26.41 with the frame, list states, empty state and inline form shared with the script library from core (one copy, options objects the minifier cannot shorten); 25.99 with wallTimeIn (the stores' zones without Intl, issue 19); issue 23 #2: own code 9.80 (measured 25.34)
  '@clienteling/customer-transfer': 31.8, // 31.22 with wallTimeIn (the stores' zones without Intl, issue 19); issue 22 #2: own code 16.03, a six-step form (measured 30.64)
  '@clienteling/staff-results': 23.7, // 23.14 with wallTimeIn (the stores' zones without Intl, issue 19); issue 24 #4: own code with its charts (measured 22.52)
  '@clienteling/staff-card': 21.1, // 20.60 with wallTimeIn (the stores' zones without Intl, issue 19); issue 24 #1: the contact-me code made through the adapter (measured 20.45)
  '@clienteling/script-library': 26.7, // 26.14 with the frame, list states, empty state and inline form shared with the task list from core (one copy, options objects the minifier cannot shorten); 25.75 with wallTimeIn (the stores' zones without Intl, issue 19); issue 21 #2: own code 9.87 (measured 25.58)
  '@clienteling/broadcast-composer': 36.0, // 35.50 with wallTimeIn (the stores' zones without Intl, issue 19); issue 21 #3: own code with the shared attachment editor (measured 34.63);
  // + 0.64: drafts saved at once and committed (measured 35.27)
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
  { import: '@clienteling/staff-card/define.js', external: ['lit', '@clienteling/core'], budget: 7 },
  {
    import: '@clienteling/tag-editor/define.js',
    external: ['lit', '@clienteling/core'],
    budget: 8.4, // issue 19: the picker writes its tag buttons directly (measured 8.05)
  },
  { import: '@clienteling/tag-editor/tag-picker.js', external: ['lit', '@clienteling/core'] },
  {
    import: '@clienteling/moments-composer/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor', 'idb'],
    budget: 12.5, // issue 17 #6 #7: + 1.80 measured (9.54 -> 11.34); issue 21: the attachment editor, a module of
    // its own shared with broadcasts (measured 12.01)
  },
  {
    import: '@clienteling/coupon-dispenser/define.js',
    external: ['lit', '@clienteling/core'],
    budget: 6.6, // issue 17 #2 #4 #5 #6 #11 #13: + 1.16 measured (5.38 -> 6.54)
  },
  {
    import: '@clienteling/group-member-list/define.js',
    external: ['lit', '@clienteling/core'],
    budget: 7.5, // issue 17 #6 #8 #10 #12 #13: + 0.82 measured (6.60 -> 7.42)
    lazyBudget: 8,
  },
  {
    import: '@clienteling/customer-profile/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor'],
    budget: 9.7, // issue 20 #2 (measured 9.33)
  },
  {
    import: '@clienteling/customer-timeline/define.js',
    external: ['lit', '@clienteling/core', 'idb'],
    budget: 9.8, // issue 20 #3 (measured 9.44)
  },
  { import: '@clienteling/task-list/define.js', external: ['lit', '@clienteling/core'], budget: 10.2 }, // measured 9.80
  {
    import: '@clienteling/customer-transfer/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor'],
    budget: 16.4, // issue 22 #2: six steps, select all across pages, statuses (measured 16.03)
  },
  {
    import: '@clienteling/script-library/define.js',
    external: ['lit', '@clienteling/core'],
    // Issue 21 #2 asks at most 8: tabs, search, previews with their variables filled, three actions and an
    // own-script form measure 9.87. Raised in the open.
    budget: 10.4,
  },
  {
    import: '@clienteling/broadcast-composer/define.js',
    external: ['lit', '@clienteling/core', '@clienteling/tag-editor', '@clienteling/moments-composer', 'idb'],
    // Issue 21 #3 asks at most 8: content, audience, the live reach with the skipped, a confirmation, the
    // confirmation in WeCom, progress and recipients by status measure 11.03 (the attachment editor is
    // moments-composer's, shared). Raised in the open.
    budget: 11.5,
  },
];
