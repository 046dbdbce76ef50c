/**
 * Generates the HTTP contract as OpenAPI 3.1 from the zod schemas of core's `operations` table (the
 * single source), and writes it to packages/adapter-http/openapi.json:
 *
 *     npx tsx packages/adapter-http/scripts/openapi.ts
 *
 * A server test regenerates the document in memory and fails when the committed file differs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
// Core's source by path: Node resolves package exports without the `source` condition.
import * as core from '../../core/src/index.js';
import { PATTERNS, integer } from '../../core/src/schema-kit.js';

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** Makes `target` hold what `content` holds, in its key order (the generator keeps `target` itself). */
function replaceContent(target: Record<string, unknown>, content: Record<string, unknown>) {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, content);
}

/** What core's `IdSchema` accepts, as JSON Schema (the keys of an object keyed by ids). */
function idAsJsonSchema() {
  const { $schema: _schema, ...id } = z.toJSONSchema(core.IdSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return id;
}

/** Domain schemas published by name under `components/schemas`. */
const NAMED: Record<string, z.ZodMiniType> = {
  DateTime: core.DateTimeSchema,
  Store: core.StoreSchema,
  ExternalAttribute: core.ExternalAttributeSchema,
  StaffProfile: core.StaffProfileSchema,
  Customer: core.CustomerSchema,
  AddWay: core.AddWaySchema,
  ImportantDate: core.ImportantDateSchema,
  PurchaseSummary: core.PurchaseSummarySchema,
  CustomerActivity: core.CustomerActivitySchema,
  Tag: core.TagSchema,
  TagGroup: core.TagGroupSchema,
  MomentAttachments: core.MomentAttachmentsSchema,
  Audience: core.AudienceSchema,
  MomentDraft: core.MomentDraftSchema,
  Moment: core.MomentSchema,
  MomentQuota: core.MomentQuotaSchema,
  Reach: core.ReachSchema,
  UploadedMedia: core.UploadedMediaSchema,
  CouponBenefit: core.CouponBenefitSchema,
  CouponStock: core.CouponStockSchema,
  CouponOffer: core.CouponOfferSchema,
  IssuedCoupon: core.IssuedCouponSchema,
  Group: core.GroupSchema,
  GroupMember: core.GroupMemberSchema,
  Policy: core.PolicySchema,
  Task: core.TaskSchema,
  StaffSummary: core.StaffSummarySchema,
  Transfer: core.TransferSchema,
  TransferPreview: core.TransferPreviewSchema,
  TaskCounts: core.TaskCountsSchema,
  ContactWay: core.ContactWaySchema,
  Purchase: core.PurchaseSchema,
  StaffResults: core.StaffResultsSchema,
  ResultsTotals: core.ResultsTotalsSchema,
  Script: core.ScriptSchema,
  ScriptCategory: core.ScriptCategorySchema,
  BroadcastPreview: core.BroadcastPreviewSchema,
  Broadcast: core.BroadcastSchema,
  BroadcastRecipient: core.BroadcastRecipientSchema,
};

const SUMMARIES: Record<core.OperationName, string> = {
  getCurrentStaff: 'The signed-in staff member (the owner of the bearer token).',
  getStaff: 'A staff member of the company.',
  getPolicy: "The company's policy (limits that vary per company).",
  searchCustomers: "The signed-in associate's customers, searched by name or remark, newest first.",
  getCustomer: 'A customer the signed-in associate follows (404 for any other, as for an absent one).',
  updateCustomer:
    'Edits the remark, description, remark phones and remark company of a customer the associate follows (a diff).',
  listCustomerActivity: 'A customer’s timeline, newest first, keyset paged, optionally of some kinds only.',
  addCustomerNote: 'Adds a follow-up note to a customer’s timeline, exactly once per request id.',
  listTasks:
    "One list of the signed-in associate's tasks (today and overdue, upcoming, done), keyset paged, with the " +
    'counts of every list; runs the task rules first, so the data’s follow-ups are there (deterministic ids: never twice).',
  createTask:
    'Adds a manual task for a customer the associate follows (title at most 200 characters), once per request id.',
  completeTask: 'Marks a task of the associate done (a done task answers as it is; a dismissed one is 409).',
  snoozeTask: 'Snoozes a task until a later time (within 90 days); it comes back open, due then, in today.',
  dismissTask: 'Dismisses a task of the associate (a dismissed task answers as it is; a done one is 409).',
  reopenTask: 'Opens a done, dismissed or snoozed task again (the undo of the others).',
  listStaff:
    "A manager's store staff (searched by name, keyset paged by name) with each one's customer count, " +
    'customers on their way to them and cap (403 for an associate or another store).',
  previewTransfer:
    "Which of a departing associate's customers (chosen, or all) and groups can go to a successor and why the " +
    'others cannot (twice in 90 days, successor cap, not owned, already in a transfer), and in how many batches.',
  transferCustomers:
    'Hands customers and groups to a successor, once per request id, in batches of at most 100 customers; on-job: ' +
    'the customers are told (message at most 200 characters) and taken over 24 h later unless they refuse.',
  listTransfers:
    "The transfers of the manager's store, newest first, keyset paged, optionally of one departing associate.",
  getTransfer:
    'A transfer of the manager’s store with the status of each customer and group (statuses move with time).',
  createContactWay:
    'Makes a contact-me code (once per request id) for one associate or a rotation of the store; ' +
    '`state` (1 to 30 of A-Z a-z 0-9 _ -) names the channel customers added through it carry.',
  listContactWays: 'The contact-me codes naming the associate (a manager: an associate of the store), newest first.',
  recordPurchase:
    'Records a POS order once per order id (a replay answers the stored purchase): attributed to the associate ' +
    'whose coupon it redeemed, else who served the customer last within the window; after hours by store hours.',
  getStaffResults:
    "An associate's (or a manager's store's, with a ranking) customers added by channel, served, coupons sent " +
    'and redeemed, attributed sales, after-hours share and repurchase rate over whole days, with the period before.',
  listScriptCategories: 'The categories of the script library (its tabs), smallest `order` first.',
  listScripts:
    "Company-wide and the signed-in associate's own scripts, searched by title and text, optionally of one " +
    'category or scope, the associate’s most used first, keyset paged.',
  createScript:
    'Adds a script of the associate’s own (text with known variables, image, link or mini-program card), once per request id.',
  updateScript: 'Changes one of the associate’s own scripts (a company script is 403, another’s own 404).',
  deleteScript: 'Deletes one of the associate’s own scripts (an absent one answers `deleted: false`).',
  recordScriptUse: 'Counts one use of a script by the associate (sent into the chat, copied, or put into a broadcast).',
  previewBroadcast:
    'Who a broadcast would reach now and who it would skip, with a reason each (the per-customer cap over its ' +
    'period in the store time zone, unreachable, not the associate’s customer, unsubscribed).',
  createBroadcast:
    'Creates a broadcast once per request id: recipients as the preview says, the skipped recorded with their ' +
    'reason; it waits for the associate to confirm the send in the client.',
  confirmBroadcast: 'The associate confirmed the send in the client: the waiting recipients are sent to.',
  getBroadcast: 'A broadcast of the associate with its counts per recipient status.',
  listBroadcasts: "The associate's broadcasts, newest first, keyset paged.",
  listBroadcastRecipients:
    'The recipients of a broadcast with their status (and reason), optionally of one status, keyset paged.',
  listTagGroups: 'Tag groups with their tags, soft-deleted ones hidden, larger `order` first.',
  markTags: "Adds and removes tags of a customer (a single-select group's new tag replaces its old one).",
  createTag: 'Creates a tag in a group that allows it (409 for a duplicate name).',
  getMomentQuota: 'How many posts are left today (days counted in the policy time zone).',
  estimateReach: 'How many customers would see a post for an audience.',
  publishMoment: 'Publishes a post, exactly once per request id.',
  getMoment: 'A post of the signed-in associate.',
  listCouponStocks: 'The coupon stocks as offered to a customer, with how many the customer holds.',
  issueCoupon: 'Sends a coupon to a customer, exactly once per request id.',
  listCustomerCoupons: 'The coupons a customer holds, newest first.',
  listGroups: 'The groups the signed-in associate owns or belongs to.',
  getGroup: 'A group the signed-in associate owns or belongs to.',
  listGroupMembers: 'Members of a group: filtered, searched, sorted and paged.',
  addGroupMember: 'Adds one of the associate’s customers to a group (owner or admin), once per request id.',
  removeGroupMember: 'Removes a member (owner or admin; only the owner removes admins; never the owner).',
};

const ERRORS: Record<string, string> = {
  '400': 'invalid: the body or a field is malformed (`field` names it, `errors` lists every problem)',
  '401': 'no or unknown bearer token (code forbidden, reason unauthenticated)',
  '403': 'forbidden: a rule tag, a missing role, an unreachable customer, a disallowed origin',
  '404': 'not-found: absent, or another associate’s (the same answer, so ids cannot be probed)',
  '409': 'conflict, sold-out or limit-reached (per-customer limit, daily posts, group cap); a reused Idempotency-Key',
  '410': 'expired: the coupon stock has expired or not started (reason `expired` / `not-started`)',
  '413': 'the body is larger than the server accepts (code invalid, reason too-large)',
  '429': 'rate limited (code limit-reached, reason rate-limited, retryable; see Retry-After)',
  '503': 'unavailable: try again (retryable)',
};

const strip = (schema: Record<string, unknown>) => {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
};

/** The OpenAPI 3.1 document of the HTTP contract. */
export function buildOpenApi(): Record<string, unknown> {
  const registry = z.registry<Record<string, unknown>>();
  for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id });
  for (const name of core.operationNames) {
    const op = core.operations[name];
    if (!registry.has(op.input)) registry.add(op.input, { id: `${cap(name)}Input` });
    if (!registry.has(op.output)) registry.add(op.output, { id: `${cap(name)}Output` });
  }
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // Custom checks (z.refine) have no JSON Schema: say in words what they check.
    override: ({ zodSchema, jsonSchema }) => {
      // Core's whole numbers, patterns and keyed objects are refinements (see schema-kit.ts): publish what they check.
      const checks = (zodSchema._zod.def.checks ?? []) as object[];
      for (const check of checks) {
        const pattern = PATTERNS.get(check);
        if (pattern) jsonSchema.pattern = pattern.source;
      }
      if (checks.includes(integer)) {
        const { minimum = Number.MIN_SAFE_INTEGER, maximum = Number.MAX_SAFE_INTEGER, ...rest } = jsonSchema;
        replaceContent(jsonSchema, { ...rest, type: 'integer', minimum, maximum });
      }
      if (zodSchema === core.OpeningHoursByStoreSchema) {
        const { additionalProperties } = jsonSchema;
        replaceContent(jsonSchema, { type: 'object', propertyNames: idAsJsonSchema(), additionalProperties });
      }
      if (zodSchema === core.DateTimeSchema)
        Object.assign(jsonSchema, { format: 'date-time', description: 'ISO 8601 with a time zone' });
      if (zodSchema === core.MomentDraftSchema)
        jsonSchema.description = 'A post needs non-blank text or an attachment.';
      if (zodSchema === core.MarkTagsInputSchema) jsonSchema.description = 'Add or remove at least one tag.';
    },
  }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = {};
  for (const id of Object.keys(generated.schemas).sort()) schemas[id] = strip(generated.schemas[id]!);
  schemas.Error = {
    type: 'object',
    description: 'Every error answer: `AdapterError.toJSON()`.',
    properties: {
      code: { type: 'string', enum: [...core.ERROR_CODES] },
      message: { type: 'string' },
      retryable: { type: 'boolean' },
      reason: { type: 'string' },
      field: { type: 'string', description: 'For invalid: the dotted path of the offending field, e.g. `draft.text`.' },
      errors: {
        type: 'array',
        description: 'For a 400 on a body: every problem found.',
        items: {
          type: 'object',
          properties: { field: { type: 'string' }, message: { type: 'string' } },
          required: ['field', 'message'],
        },
      },
    },
    required: ['code', 'message', 'retryable'],
  };
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const idOf = (schema: z.ZodMiniType) => registry.get(schema)!.id as string;
  const errorResponses = Object.fromEntries(
    Object.keys(ERRORS).map((status) => [status, { $ref: `#/components/responses/E${status}` }]),
  );

  const paths: Record<string, unknown> = {};
  for (const name of core.operationNames) {
    const op = core.operations[name];
    paths[`/v1/${name}`] = {
      post: {
        operationId: name,
        summary: SUMMARIES[name],
        tags: [op.kind],
        'x-clienteling-kind': op.kind,
        ...(op.kind === 'once' ? { parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }] } : {}),
        requestBody: { required: true, content: { 'application/json': { schema: ref(idOf(op.input)) } } },
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: ref(idOf(op.output)) } } },
          ...errorResponses,
        },
      },
    };
  }
  paths['/v1/media'] = {
    post: {
      operationId: 'uploadMedia',
      summary: `Uploads an image or a video (the raw file as the body, at most the policy's mediaMaxBytes, ${core.LIMITS.mediaMaxBytes} bytes).`,
      tags: ['write'],
      'x-clienteling-kind': 'write',
      parameters: [
        { name: 'X-Media-Kind', in: 'header', required: true, schema: { type: 'string', enum: ['image', 'video'] } },
      ],
      requestBody: {
        required: true,
        content: {
          'image/*': { schema: { type: 'string', contentMediaType: 'image/*' } },
          'video/*': { schema: { type: 'string', contentMediaType: 'video/*' } },
        },
      },
      responses: {
        '200': { description: 'Stored', content: { 'application/json': { schema: ref('UploadedMedia') } } },
        ...errorResponses,
      },
    },
  };
  paths['/v1/media/{id}'] = {
    get: {
      operationId: 'getMedia',
      summary: 'An uploaded file (public: the id is unguessable, so that `<img>` can load it).',
      security: [],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The file' }, '404': { $ref: '#/components/responses/E404' } },
    },
  };

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'clienteling-elements adapter contract',
      version: '0.1.0',
      description: [
        'The adapter contract of clienteling-elements over HTTP and JSON, generated from the zod schemas of `@clienteling/core` (`operations`).',
        '',
        'Every operation is `POST /v1/{operation}` with its input as the JSON body and its output as the JSON answer (simple, uniform, works behind any proxy).',
        'Operations tagged `read` are safe to repeat; `write` changes data; `once` must not happen twice: send the input’s `requestId` as the `Idempotency-Key` header and a retried request gets the first answer.',
        'Errors answer with an `Error` body; clients map `code` (and `reason`, `field`) back to `AdapterError`.',
        'Times are ISO 8601 with an offset; money is integer fen. Authentication: a bearer token per staff member.',
      ].join('\n'),
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'The reference server (`npm run server`)' }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'read', description: 'Safe to repeat.' },
      { name: 'write', description: 'Changes data; a client repeats it only when it certainly did not arrive.' },
      { name: 'once', description: 'Idempotent by request id: send `Idempotency-Key`.' },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token per staff member.' } },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'The `requestId` of the body. The first answer to a key is stored and replayed (`Idempotent-Replayed: true`).',
          schema: { type: 'string', minLength: 8, maxLength: 128 },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `E${status}`,
          {
            description,
            ...(status === '429' || status === '503'
              ? {
                  headers: {
                    'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
                  },
                }
              : {}),
            content: { 'application/json': { schema: ref('Error') } },
          },
        ]),
      ),
      schemas,
    },
  };
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The document as committed: stable key order, two-space indent, final newline. */
export const serializeOpenApi = (doc: unknown) => JSON.stringify(doc, null, 2) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, serializeOpenApi(buildOpenApi()));
  console.log(`wrote ${OPENAPI_PATH}`);
}
