// The defects of the security and reliability review (issue 16), one test each: a dropped database
// connection, media, tokens, retries of one request id, bad text, request ids of group members,
// body and header limits, the Host header, links and names, PGlite data directories, canonical
// Idempotency-Key bodies, and the smaller ones. PGlite always; PostgreSQL with TEST_DATABASE_URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, DataDirInUseError } from '../src/db.js';
import { createToken, revokeToken } from '../src/tokens.js';
import { count, databases, startTestServer, type TestServer } from './helpers.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const MP4 = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypmp42'), 0, 0, 0, 0]);

/** Sends raw bytes over one TCP connection and resolves with everything the server answered. */
function rawExchange(url: string, write: (socket: import('node:net').Socket) => void, timeoutMs = 10_000) {
  const { port } = new URL(url);
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${timeoutMs} ms; answered: ${answer.slice(0, 80)}`));
    }, timeoutMs);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
    socket.on('connect', () => write(socket));
  });
}

for (const database of databases) {
  describe(`hardening (${database.name})`, () => {
    let server: TestServer;
    const errors: string[] = [];
    before(async () => {
      server = await startTestServer(database, { logError: (line) => errors.push(line), mediaQuotaBytes: 40 });
    });
    after(() => server.stop());

    const upload = (body: Uint8Array, type: string, kind: string, staffId = 'staff-1') =>
      fetch(`${server.url}/v1/media`, {
        method: 'POST',
        headers: { Authorization: `Bearer dev-${staffId}`, 'Content-Type': type, 'X-Media-Kind': kind },
        body: new Blob([body as Uint8Array<ArrayBuffer>]),
      });

    if (database.name === 'postgres') {
      it('1. survives PostgreSQL dropping its connections: a retryable 503, then new connections', async () => {
        const { default: pg } = await import('pg');
        const admin = new pg.Client({ connectionString: server.databaseUrl });
        await admin.connect();
        const dropServerConnections = () =>
          admin.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity ' +
              'WHERE datname = current_database() AND pid <> pg_backend_pid()',
          );
        try {
          // Idle connections dropped: the pool reports them and opens new ones.
          await Promise.all(Array.from({ length: 5 }, () => server.call('getPolicy', {})));
          await dropServerConnections();
          await new Promise((resolve) => setTimeout(resolve, 200));
          assert.equal((await server.call('getPolicy', {})).status, 200);
          // Connections dropped mid-request: a request waiting on a row lock gets a retryable 503.
          await admin.query('BEGIN');
          await admin.query("SELECT 1 FROM customers WHERE id = 'cust-1' FOR UPDATE");
          const waiting = server.call('markTags', { customerId: 'cust-1', add: ['tag-pref-beauty'], remove: [] });
          const burst = Array.from({ length: 20 }, () => server.call('searchCustomers', { limit: 2 }));
          await new Promise((resolve) => setTimeout(resolve, 300));
          await dropServerConnections();
          await admin.query('ROLLBACK');
          const blocked = await waiting;
          assert.deepEqual([blocked.status, blocked.body.code, blocked.body.retryable], [503, 'unavailable', true]);
          assert.ok(blocked.headers.get('retry-after'));
          for (const reply of await Promise.all(burst)) assert.ok([200, 503].includes(reply.status), `${reply.status}`);
          // And the server goes on with new connections, once the pool has seen the dropped ones close.
          await new Promise((resolve) => setTimeout(resolve, 500));
          const after = await Promise.all(Array.from({ length: 10 }, () => server.call('searchCustomers', {})));
          assert.deepEqual(new Set(after.map((reply) => reply.status)), new Set([200]));
          assert.ok(errors.some((line) => / 503: /.test(line)));
        } finally {
          await admin.end();
        }
      });
    }

    it('2. accepts only JPEG, PNG, GIF, WebP and MP4, by their bytes, and serves media inert', async () => {
      const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      assert.equal((await upload(svg, 'image/svg+xml', 'image')).status, 400);
      const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
      assert.equal((await upload(html, 'image/png, text/html', 'image')).status, 400);
      assert.equal((await upload(PNG, 'image/png', 'video')).status, 400);
      // A real PNG is kept with the type its bytes say, whatever the header claimed.
      const png = await upload(PNG, 'text/html', 'image');
      assert.equal(png.status, 200);
      const file = await fetch(((await png.json()) as { url: string }).url);
      assert.equal(file.headers.get('content-type'), 'image/png');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.match(file.headers.get('content-security-policy') ?? '', /sandbox/);
      const video = await upload(MP4, 'video/mp4', 'video', 'staff-2');
      assert.equal(video.status, 200);
      // Anything else stored (by an older server) is a download, never a page.
      await server.db.query(
        "INSERT INTO media (id, staff_id, kind, content_type, bytes, size) VALUES ('old-1', 'staff-9', 'image', " +
          "'text/html', '\\x3c68746d6c3e'::bytea, 6)",
      );
      const old = await fetch(`${server.url}/v1/media/old-1`);
      assert.equal(old.headers.get('content-type'), 'application/octet-stream');
      assert.match(old.headers.get('content-disposition') ?? '', /^attachment/);
    });

    it('3. accepts development tokens only in development mode; random tokens expire and can be revoked', async () => {
      const production = await startTestServer(database, { devMode: false });
      try {
        const reply = await production.call('getCurrentStaff', {});
        assert.deepEqual([reply.status, reply.body.reason], [401, 'unauthenticated']);
        const { id, token } = await createToken(production.db, 'staff-2', { days: 1 });
        assert.match(token, /^cl_[\w-]{32}$/);
        assert.equal(await count(production.db, 'staff_tokens WHERE token_hash = $1', [token]), 0);
        const call = () =>
          fetch(`${production.url}/v1/getCurrentStaff`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: '{}',
          });
        const me = await call();
        assert.equal(me.status, 200);
        assert.equal(((await me.json()) as { id: string }).id, 'staff-2');
        await production.db.query("UPDATE staff_tokens SET expires_at = now() - interval '1 s' WHERE id = $1", [id]);
        assert.equal((await call()).status, 401);
        await production.db.query("UPDATE staff_tokens SET expires_at = now() + interval '1 day' WHERE id = $1", [id]);
        assert.equal((await call()).status, 200);
        assert.equal(await revokeToken(production.db, id), true);
        assert.equal((await call()).status, 401);
      } finally {
        await production.stop();
      }
    });

    it('4. answers every retry of one request id with the first result, without Idempotency-Key', async () => {
      const body = { requestId: 'req-parallel-0001', stockId: 'stock-1', customerId: 'cust-2' };
      const replies = await Promise.all(Array.from({ length: 50 }, () => server.call('issueCoupon', body)));
      assert.deepEqual(
        replies.filter((reply) => reply.status !== 200).map((reply) => [reply.status, reply.body.code]),
        [],
      );
      assert.equal(new Set(replies.map((reply) => reply.body.id)).size, 1);
      assert.equal(await count(server.db, 'issued_coupons WHERE request_id = $1', [body.requestId]), 1);
      const draft = { text: '周末到店有礼', audience: { type: 'all' } };
      const posts = await Promise.all(
        Array.from({ length: 20 }, () =>
          server.call('publishMoment', { requestId: 'req-parallel-post', draft }, { staffId: 'staff-2' }),
        ),
      );
      assert.deepEqual(new Set(posts.map((reply) => reply.status)), new Set([200]));
      assert.equal(new Set(posts.map((reply) => reply.body.id)).size, 1);
    });

    it('6. refuses NUL, lone surrogates and deep nesting as invalid naming the field; logs every 5xx', async () => {
      const cases: Array<[string, unknown, string]> = [
        ['getCustomer', { customerId: 'cust-1\u0000' }, 'customerId'],
        ['searchCustomers', { query: 'a\u0000b' }, 'query'],
        [
          'publishMoment',
          { requestId: 'req-lone-0001', draft: { text: 'a\uD800b', audience: { type: 'all' } } },
          'draft.text',
        ],
        [
          'publishMoment',
          { requestId: 'req-nul\u0000-0001', draft: { text: 'a', audience: { type: 'all' } } },
          'requestId',
        ],
        ['createTag', { groupId: 'tg-pref', name: '\uDC00' }, 'name'],
      ];
      for (const [op, body, field] of cases) {
        const reply = await server.call(op, body);
        assert.deepEqual([reply.status, reply.body.code, reply.body.field], [400, 'invalid', field], op);
      }
      const deep = `{"query":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const nested = await server.call('searchCustomers', deep);
      assert.deepEqual([nested.status, nested.body.code, nested.body.reason], [400, 'invalid', 'too-deep']);
      // A fault of the server: 500, not retryable, and logged although the request log is off.
      errors.length = 0;
      await server.db.exec('ALTER TABLE tag_groups RENAME TO tag_groups_away');
      try {
        const broken = await server.call('listTagGroups', {});
        assert.deepEqual([broken.status, broken.body.retryable], [500, false]);
      } finally {
        await server.db.exec('ALTER TABLE tag_groups_away RENAME TO tag_groups');
      }
      assert.ok(
        errors.some((line) => line.startsWith('POST /v1/listTagGroups 500')),
        errors.join('\n'),
      );
    });

    it("7. keeps addGroupMember request ids per associate: another member cannot replay someone's id", async () => {
      // staff-1 is a plain member of staff-2's group.
      await server.db.query("INSERT INTO group_members (group_id, id, doc) VALUES ('group-2', 'staff-1', $1)", [
        {
          id: 'staff-1',
          groupId: 'group-2',
          type: 'staff',
          name: '王丽',
          role: 'member',
          joinedAt: new Date().toISOString(),
          joinScene: 'invited',
        },
      ]);
      await server.db.query("DELETE FROM group_members WHERE group_id = 'group-2' AND id = 'cust-9'");
      const add = { requestId: 'req-owner-add-01', groupId: 'group-2', customerId: 'cust-9', scene: 'link' };
      assert.equal((await server.call('addGroupMember', add, { staffId: 'staff-2' })).status, 200);
      const replayed = await server.call('addGroupMember', add, { staffId: 'staff-1' });
      assert.equal(replayed.status, 404, 'cust-9 is not staff-1 customer');
      assert.equal(replayed.body.inviterId, undefined);
      // The owner's own retry still gets the first answer.
      assert.equal((await server.call('addGroupMember', add, { staffId: 'staff-2' })).body.inviterId, 'staff-2');
    });

    it('9. stops reading a refused body, times out slow requests, answers 431 and 400 to bad requests', async () => {
      // 401 before the body: the server closes instead of swallowing 100 MiB.
      let written = 0;
      const refused = await rawExchange(server.url, (socket) => {
        socket.write(
          'POST /v1/searchCustomers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            `Content-Length: ${100 * 1024 * 1024}\r\n\r\n`,
        );
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        const pump = () => {
          while (written < 100 * 1024 * 1024 && !socket.destroyed) {
            written += chunk.length;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
      assert.match(refused.answer, /^HTTP\/1\.1 401/);
      assert.ok(written < 40 * 1024 * 1024, `the client pushed ${written} bytes`);
      // A body trickling in is cut off by the request timeout.
      const slow = await startTestServer(database, { requestTimeoutMs: 1000 });
      try {
        const trickle = await rawExchange(slow.url, (socket) => {
          socket.write(
            'POST /v1/searchCustomers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev-staff-1\r\n' +
              'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
          );
          const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(' ')), 200);
        });
        assert.ok(trickle.closedAfterMs < 4000, `closed after ${trickle.closedAfterMs} ms`);
      } finally {
        await slow.stop();
      }
      const hugeHeader = await rawExchange(server.url, (socket) =>
        socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`),
      );
      assert.match(hugeHeader.answer, /^HTTP\/1\.1 431/);
      const malformed = await rawExchange(server.url, (socket) => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      assert.match(malformed.answer, /^HTTP\/1\.1 400/);
    });

    it('10. builds media URLs from configuration, never from the Host header', async () => {
      const { port } = new URL(server.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/v1/media',
            method: 'POST',
            headers: {
              Host: 'evil.example',
              Authorization: 'Bearer dev-staff-2',
              'X-Media-Kind': 'image',
              'Content-Type': 'image/png',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end(Buffer.from(PNG));
      });
      const { url } = JSON.parse(answer) as { url: string };
      assert.ok(url.startsWith(`${server.url}/v1/media/`), url);
      const configured = await startTestServer(database, { publicUrl: 'https://api.shop.example/' });
      try {
        const reply = await fetch(`${configured.url}/v1/media`, {
          method: 'POST',
          headers: { Authorization: 'Bearer dev-staff-1', 'X-Media-Kind': 'image' },
          body: new Blob([PNG]),
        });
        assert.match(((await reply.json()) as { url: string }).url, /^https:\/\/api\.shop\.example\/v1\/media\//);
      } finally {
        await configured.stop();
      }
    });

    it('11. refuses javascript: and other non-web links, and names of invisible characters only', async () => {
      for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
        const reply = await server.call('publishMoment', {
          requestId: 'req-link-0001',
          draft: { text: '', attachments: { kind: 'link', link: { url, title: '看看' } }, audience: { type: 'all' } },
        });
        assert.deepEqual([reply.status, reply.body.field], [400, 'draft.attachments.link.url'], url);
      }
      for (const name of ['\u200B', '\u202E', '\u200B\u200C\u200D\u2060', '\uFEFF ']) {
        const reply = await server.call('createTag', { groupId: 'tg-pref', name });
        assert.deepEqual([reply.status, reply.body.field], [400, 'name'], JSON.stringify(name));
      }
      assert.equal((await server.call('createTag', { groupId: 'tg-pref', name: '\u202E轻奢' })).status, 200);
    });

    it('13. compares an Idempotency-Key body canonically: the same body in another key order is a replay', async () => {
      const headers = { 'Idempotency-Key': 'req-order-0001' };
      const first = await server.call(
        'issueCoupon',
        '{"requestId":"req-order-0001","stockId":"stock-1","customerId":"cust-3"}',
        { headers },
      );
      assert.equal(first.status, 200);
      const reordered = await server.call(
        'issueCoupon',
        '{"customerId":"cust-3","stockId":"stock-1","requestId":"req-order-0001"}',
        { headers },
      );
      assert.deepEqual([reordered.status, reordered.body.id], [200, first.body.id]);
      assert.equal(reordered.headers.get('idempotent-replayed'), 'true');
    });

    it('14. keeps a media quota per associate, answers HEAD /health, and accepts a UTF-8 BOM before JSON', async () => {
      // The quota here is 40 bytes; staff-2 already keeps a 12-byte PNG and a 16-byte MP4 (tests 2 and 10).
      const used = await count(server.db, "media WHERE staff_id = 'staff-2'");
      assert.ok(used >= 2);
      const over = await upload(new Uint8Array([...PNG, ...PNG]), 'image/png', 'image', 'staff-2');
      assert.equal(over.status, 409);
      assert.equal(((await over.json()) as { reason: string }).reason, 'media-quota');
      const head = await fetch(`${server.url}/health`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      const bom = await server.call('searchCustomers', '\uFEFF{"limit":1}');
      assert.equal(bom.status, 200);
    });
  });
}

describe('12. PGlite data directory', () => {
  it('is used by one process at a time: a second open is refused with a clear message', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cl-pglite-'));
    const first = await openDb({ dataDir });
    try {
      await assert.rejects(openDb({ dataDir }), (error: Error) => {
        assert.ok(error instanceof DataDirInUseError);
        assert.match(error.message, /in use by process \d+/);
        return true;
      });
    } finally {
      await first.close();
    }
    const again = await openDb({ dataDir });
    await again.close();
  });
});
