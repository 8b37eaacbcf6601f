import fc from 'fast-check';
import type { InjectOptions, Response } from 'light-my-request';
import { databases } from '../helper';
import { HTML_INJECTION, hostileString, operations, textFor, valueFor, type OpenApiDoc, type Operation } from './openapi-arbitraries';
import { policyBody, securityWorld, type Actor, type World } from './world';

/**
 * Hostile input against every documented route: requests built from the OpenAPI document (path,
 * query and body schemas), bent out of shape, sent as the admin, department staff, an enterprise
 * user and anonymously. The server may refuse anything, but only with a 4xx in the standard error
 * shape — never a 5xx.
 *
 * FUZZ_RUNS sets the number of requests (default 10,000 on SQLite, 2,500 on PostgreSQL);
 * FUZZ_SEED replays a run.
 */
const RUNS: Record<string, number> = { sqlite: 10_000, postgres: 2_500 };
const CALLERS: Actor[] = ['admin', 'staffX', 'enterpriseA', 'anonymous'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type BodyMode = 'json' | 'none' | 'malformed' | 'deep' | 'oversize' | 'multipart' | 'wrong-type';

interface FuzzRequest {
  op: Operation;
  caller: Actor;
  path: string;
  query: string;
  headers: Record<string, string>;
  mode: BodyMode;
  payload?: string | Buffer;
}

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  '{"a":undefined}',
  'nul',
  '"unterminated',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '\u0000',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '1e99999',
  '{"a":1}{"b":2}',
  '<xml/>',
];

function multipart(kind: number, content: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----fuzzBoundary7MA4YWxkTrZu0gW';
  const file = (name: string, type: string, body: string | Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), Buffer.from(body), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const ct = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  switch (kind) {
    case 0:
      return { payload: file('import.csv', 'text/csv', content), headers: ct };
    case 1:
      return { payload: file('import.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(`PK\u0003\u0004${content}`)), headers: ct };
    case 2:
      return { payload: file('../../etc/passwd', 'application/octet-stream', content), headers: ct };
    case 3:
      // A field, not a file.
      return { payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n${content}\r\n--${boundary}--\r\n`), headers: ct };
    case 4:
      // Truncated: no closing boundary.
      return { payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${content}`), headers: ct };
    case 5:
      return { payload: Buffer.from(content), headers: { 'content-type': 'multipart/form-data' } };
    default:
      return { payload: file('big.csv', 'text/csv', `政策名称,文号\n${'很长的一行,'.repeat(1_200_000)}`), headers: ct };
  }
}

/** encodeURIComponent throws on lone surrogates; a client would have sent U+FFFD. */
const wellFormed = (v: string) => v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function requestArbitrary(op: Operation, doc: OpenApiDoc): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  // Mostly well-formed percent-encoding of the generated text; sometimes broken encodings as they arrive on the wire.
  const segment = (p: (typeof pathParams)[number]) =>
    fc.oneof(
      { weight: 12, arbitrary: textFor(p.schema, doc, p.name).map((v) => encodeURIComponent(wellFormed(v)) || '%20') },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '..%2F..', '%C0%AE', '%FF%FE', '1%2F2', '1;drop', '1?x=1') },
    );
  const pathArb = fc.tuple(...pathParams.map(segment)).map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]), op.path));
  const queryArb = fc
    .tuple(
      ...queryParams.map((p) => fc.option(textFor(p.schema, doc, p.name), { nil: undefined, freq: p.required ? 8 : 3 })),
      fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'page[]', 'q', 'role', 'departmentId'), hostileString), { freq: 6 }),
    )
    .map((values) => {
      const params = new URLSearchParams();
      queryParams.forEach((p, i) => {
        if (values[i] !== undefined) params.append(p.name, values[i] as string);
      });
      const extra = values[queryParams.length] as [string, string] | null;
      if (extra) params.append(extra[0], extra[1]);
      const text = params.toString();
      return text ? `?${text}` : '';
    });
  const idempotencyArb = fc.option(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_\-:.]{1,128}$/), hostileString), { freq: 3 });

  const modes: fc.WeightedArbitrary<BodyMode>[] = WRITES.has(op.method)
    ? [
        { weight: op.body ? 24 : 4, arbitrary: fc.constant('json' as const) },
        { weight: 2, arbitrary: fc.constant('none' as const) },
        { weight: 3, arbitrary: fc.constant('malformed' as const) },
        { weight: 1, arbitrary: fc.constant('deep' as const) },
        { weight: op.multipart ? 20 : 2, arbitrary: fc.constant('multipart' as const) },
        { weight: 2, arbitrary: fc.constant('wrong-type' as const) },
      ]
    : [
        { weight: 30, arbitrary: fc.constant('none' as const) },
        { weight: 1, arbitrary: fc.constant('malformed' as const) },
      ];
  const modeArb = fc.oneof(...modes).chain((mode) => {
    // Oversize bodies are expensive to build and send; one request in ~300 is one.
    return fc.nat(300).map((n) => (n === 0 && WRITES.has(op.method) ? ('oversize' as const) : mode));
  });

  return fc
    .record({
      caller: fc.constantFrom(...CALLERS),
      path: pathArb,
      query: queryArb,
      idempotency: idempotencyArb,
      mode: modeArb,
      body: op.body ? valueFor(op.body, doc) : fc.oneof(fc.constant(undefined), fc.constant({}), fc.dictionary(fc.string({ maxLength: 6 }), hostileString, { maxKeys: 3 })),
      malformed: fc.oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ unit: 'binary', maxLength: 30 })),
      multipartKind: fc.nat(12).map((n) => (n > 6 ? n % 5 : n)),
      multipartContent: fc.oneof(
        fc.constantFrom('政策名称,文号,发文部门\n<script>alert(1)</script>,\'; DROP TABLE policies; --,区科工局\n', '=HYPERLINK("http://x"),@SUM(1)\n', '\u0000\u0001\u0002', ''),
        hostileString,
      ),
      wrongType: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=gbk', 'image/png', 'application/json-patch+json'),
    })
    .map((r) => {
      const headers: Record<string, string> = {};
      if (r.idempotency !== null) headers['idempotency-key'] = r.idempotency;
      let payload: string | Buffer | undefined;
      switch (r.mode) {
        case 'json':
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(r.body) ?? '';
          break;
        case 'malformed':
          headers['content-type'] = 'application/json';
          payload = r.malformed;
          break;
        case 'deep':
          headers['content-type'] = 'application/json';
          payload = `${'{"a":['.repeat(3000)}1${']}'.repeat(3000)}`;
          break;
        case 'oversize':
          headers['content-type'] = 'application/json';
          payload = JSON.stringify({ ...(typeof r.body === 'object' && r.body ? r.body : {}), padding: 'x'.repeat(2_000_000) });
          break;
        case 'multipart': {
          const m = multipart(r.multipartKind, r.multipartContent);
          Object.assign(headers, m.headers);
          payload = m.payload;
          break;
        }
        case 'wrong-type':
          headers['content-type'] = r.wrongType;
          payload = JSON.stringify(r.body) ?? 'a=1';
          break;
        case 'none':
          if (WRITES.has(op.method) && r.idempotency !== null) headers['content-type'] = 'application/json';
          break;
      }
      return { op, caller: r.caller, path: r.path, query: r.query, headers, mode: r.mode, payload };
    });
}

/** What went wrong with one response, or null when it is acceptable. */
function problemWith(res: Response): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}`;
  if (res.statusCode < 400) return null;
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return `${res.statusCode} not JSON`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } }).error;
  if (!error || typeof error !== 'object') return `${res.statusCode} no error object`;
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `${res.statusCode} code ${String(error.code)}`;
  if (typeof error.message !== 'string' || !/\p{Script=Han}/u.test(error.message)) return `${res.statusCode} message not Chinese: ${String(error.message)}`;
  const extraError = Object.keys(error).filter((k) => !['code', 'message', 'field'].includes(k));
  const extraTop = Object.keys(body as object).filter((k) => k !== 'error' && !(k === 'report' && error.code === 'IMPORT_INVALID'));
  if (extraError.length || extraTop.length) return `${res.statusCode} extra keys ${[...extraError, ...extraTop].join(',')}`;
  return null;
}

describe.each(databases())('hostile input on %s', (kind) => {
  let w: World;
  let doc: OpenApiDoc;
  let ops: Operation[];

  beforeAll(async () => {
    // Errors only: thousands of requests' info lines would cost more time than the requests.
    w = await securityWorld(kind, { LOG_LEVEL: 'error' });
    doc = (await w.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDoc>();
    ops = operations(doc);
  }, 120_000);

  afterAll(async () => {
    await w?.close();
  });

  async function send(r: FuzzRequest): Promise<Response> {
    // Logout would end the session every later request relies on: it gets one of its own.
    const token = r.op.key === 'POST /api/v1/auth/logout' ? await w.freshToken(r.caller) : w.token(r.caller);
    const req: InjectOptions = { method: r.op.method as InjectOptions['method'], url: r.path + r.query, headers: r.headers, ...(r.payload !== undefined ? { payload: r.payload } : {}) };
    const res = await w.send(r.caller, req, token);
    if (r.op.path === '/api/v1/me/enterprise' && r.caller === 'enterpriseA') {
      // Unbinding or binding elsewhere would leave enterprise A's requests all answered "bind first".
      await w.send('enterpriseA', { method: 'POST', url: '/api/v1/me/enterprise', payload: w.enterpriseOf.enterpriseA });
    }
    return res;
  }

  it('answers every generated request without a 5xx, every refusal in the standard error shape', async () => {
    const runs = Number(process.env.FUZZ_RUNS ?? RUNS[kind]);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    const arbitrary = fc.constantFrom(...ops).chain((op) => requestArbitrary(op, doc));
    const stats = { requests: 0, serverErrors: 0, byStatus: new Map<number, number>(), routes: new Set<string>(), ms: new Map<string, number>() };
    const problems = new Map<string, { route: string; caller: Actor; mode: BodyMode; url: string; payload: string; response: string; cause?: string }>();

    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        const started = performance.now();
        const res = await send(r);
        const ms = performance.now() - started;
        stats.ms.set(r.op.key, (stats.ms.get(r.op.key) ?? 0) + ms);
        stats.requests++;
        stats.routes.add(r.op.key);
        stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) stats.serverErrors++;
        const problem = problemWith(res);
        const key = `${r.op.key} → ${problem}`;
        if (problem && !problems.has(key)) {
          const payload = r.payload === undefined ? '' : typeof r.payload === 'string' ? r.payload : r.payload.toString('utf8');
          // For a 5xx, the logged cause (the client only ever sees the generic message).
          const cause = res.statusCode >= 500 ? (w.t.logs.filter((l) => l.includes('"level":50')).pop() ?? '').slice(0, 600) : undefined;
          problems.set(key, { route: r.op.key, caller: r.caller, mode: r.mode, url: (r.path + r.query).slice(0, res.statusCode >= 500 ? 5000 : 300), payload: payload.slice(0, 300), response: res.body.slice(0, 300), ...(cause ? { cause } : {}) });
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );

    const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    process.stdout.write(
      `fuzz (${kind}, seed ${seed}): ${stats.requests} requests over ${stats.routes.size}/${ops.length} routes, ${stats.serverErrors} 5xx; statuses ${statuses}\n`,
    );
    if (process.env.FUZZ_TIMING) {
      const total = [...stats.ms.values()].reduce((a, b) => a + b, 0);
      process.stdout.write(`  ${Math.round(total)} ms in requests\n`);
      const slow = [...stats.ms.entries()].sort(([, a], [, b]) => b - a).slice(0, 12);
      process.stdout.write(slow.map(([k, v]) => `  ${Math.round(v)} ms  ${k}`).join('\n') + '\n');
    }
    expect(stats.routes.size).toBe(ops.length);
    expect([...problems.entries()]).toEqual([]);
  }, 600_000);

  it('stores text with HTML and control characters verbatim and reads it back unchanged', async () => {
    const text = fc
      .tuple(fc.constantFrom(...HTML_INJECTION), fc.string({ maxLength: 20 }), fc.constantFrom('', ' & ', '"\'', '<', '\u00a0'))
      .map(([a, b, c]) => `${a}${b}${c}尾`);
    await fc.assert(
      fc.asyncProperty(text, async (body) => {
        const created = await w.send('enterpriseA', { method: 'POST', url: '/api/v1/messages', payload: { policyId: w.ids.policy, body } });
        expect(created.statusCode).toBe(201);
        const read = await w.send('enterpriseA', { method: 'GET', url: `/api/v1/messages/${created.json().id}` });
        expect(read.json().posts[0].body).toBe(body.trim());
        // The department reads the same characters: nothing is escaped or stripped on the way in.
        const staff = await w.send('staffX', { method: 'GET', url: `/api/v1/messages/${created.json().id}` });
        expect(staff.json().posts[0].body).toBe(body.trim());
      }),
      { numRuns: kind === 'sqlite' ? 40 : 15 },
    );

    const title = '<b>稳岗</b>补贴 & "社保" <script>alert(1)</script>';
    const summary = '<i>摘要</i> &amp; <u>下划线</u>';
    const policy = await w.send('staffX', { method: 'PUT', url: `/api/v1/admin/policies/${w.ids.draftPolicy}`, payload: { ...policyBody(title), summary } });
    expect(policy.statusCode).toBe(200);
    const detail = (await w.send('staffX', { method: 'GET', url: `/api/v1/policies/${w.ids.draftPolicy}` })).json();
    expect(detail.summary).toBe(summary);
    expect(detail.title).toBe(title);

    const comment = '<img src=x onerror=alert(1)> 窗口少 & 慢';
    const rating = await w.send('enterpriseA', {
      method: 'POST',
      url: '/api/v1/ratings',
      payload: { target: { kind: 'department', departmentId: w.ids.departmentX, stage: 'HTML' }, scores: { overall: 1, efficiency: 1, level: 1, attitude: 1 }, comment },
    });
    expect(rating.statusCode).toBe(201);
    const ticket = (await w.send('enterpriseA', { method: 'GET', url: `/api/v1/tickets/${rating.json().ticketId}` })).json();
    expect(ticket.comment).toBe(comment);
  }, 120_000);
});
