import { databases } from '../helper';
import { MATRIX, OK, type Outcome } from './access-matrix';
import { ACTORS, securityWorld, type Actor, type World } from './world';

/**
 * Every documented route × every kind of caller, against a world where enterprise A owns one of
 * everything (booking, benefit, 留言, rating and ticket, visit) handled by department X.
 */
const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

function documentedRoutes(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => routeKey(method, path)));
}

function verdict(expected: Outcome, status: number): boolean {
  if (status >= 500) return false;
  if (expected === OK) return status !== 401 && status !== 403 && status !== 404;
  return status === expected;
}

describe.each(databases())('authorization matrix on %s', (kind) => {
  let w: World;
  let documented: string[];
  let cells = 0;

  beforeAll(async () => {
    w = await securityWorld(kind);
    const res = await w.t.app.inject({ method: 'GET', url: '/api/docs/json' });
    documented = documentedRoutes(res.json());
  }, 120_000);

  afterAll(async () => {
    // The figure for the closing note: routes × callers actually checked.
    if (cells > 0) process.stdout.write(`authorization matrix (${kind}): ${Object.keys(MATRIX).length} routes × ${ACTORS.length} callers = ${cells} checks\n`);
    await w?.close();
  });

  it('has exactly one entry per route in the OpenAPI document', () => {
    const entries = Object.keys(MATRIX);
    expect({ missingFromMatrix: documented.filter((r) => !entries.includes(r)), notInOpenApi: entries.filter((r) => !documented.includes(r)) }).toEqual({
      missingFromMatrix: [],
      notInOpenApi: [],
    });
  });

  it.each(Object.keys(MATRIX))('%s', async (key) => {
    const entry = MATRIX[key];
    const wrong: { actor: Actor; expected: Outcome; got: number; body: string }[] = [];
    for (const actor of ACTORS) {
      const token = entry.freshSession ? await w.freshToken(actor) : w.token(actor);
      const res = await w.send(actor, entry.request(w, actor), token);
      cells++;
      const expected = entry.expect[actor];
      if (!verdict(expected, res.statusCode)) wrong.push({ actor, expected, got: res.statusCode, body: res.body.slice(0, 200) });
      else if (expected !== OK) {
        // A refusal is an ordinary error body: it says no, and nothing about the record.
        const { error } = res.json();
        expect(error).toEqual({ code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/), message: expect.stringMatching(/\p{Script=Han}/u), ...(error.field ? { field: expect.any(String) } : {}) });
      }
      if (expected === OK && entry.restore) await entry.restore(w, actor);
    }
    expect(wrong).toEqual([]);
  });
});
