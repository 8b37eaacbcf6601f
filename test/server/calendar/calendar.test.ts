import { bearer, databases } from '../helper';
import { buildWorld, type World } from '../benefits/world';

const at = (china: string) => new Date(`${china.replace(' ', 'T')}:00+08:00`);

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let w: World;
  let policyId: number;
  beforeAll(async () => {
    w = await buildWorld(kind);
    policyId = await w.policy();
  });
  afterAll(async () => {
    await w.t.close();
  });

  const req = (method: 'GET' | 'PUT' | 'DELETE', url: string, token = w.admin, payload?: object) =>
    w.t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const dueOfFridayQuestion = async () => {
    w.t.app.clock.now = () => at('2026-10-09 10:00');
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: bearer(w.ownerA), payload: { policyId, body: '请问如何办理？' } });
    return res.json().replyDueAt as string;
  };

  it('shows the package holidays and 调休 days of a year for reference, to admins only', async () => {
    const res = await req('GET', '/api/v1/admin/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, hasSchedule: true, overrides: [] });
    expect(body.official).toContainEqual({ date: '2026-10-01', working: false, reason: '国庆节' });
    expect(body.official).toContainEqual({ date: '2026-10-10', working: true, reason: '调休上班（国庆节）' });
    expect((await req('GET', '/api/v1/admin/calendar?year=2026', w.rs)).statusCode).toBe(403);
  });

  it('applies an override to every deadline from then on, and forgets it when deleted', async () => {
    expect(await dueOfFridayQuestion()).toBe('2026-10-10T16:00:00.000Z');
    const put = await req('PUT', '/api/v1/admin/calendar/2026-10-10', w.admin, { kind: 'holiday', name: '临时停工' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ date: '2026-10-10', kind: 'holiday', name: '临时停工' });
    // Saturday 10-10 no longer counts; Sunday never does; Monday 10-12 is the working day.
    expect(await dueOfFridayQuestion()).toBe('2026-10-12T16:00:00.000Z');
    const listed = await req('GET', '/api/v1/admin/calendar?year=2026');
    expect(listed.json().overrides).toEqual([{ date: '2026-10-10', kind: 'holiday', name: '临时停工', updatedAt: expect.any(String) }]);
    expect((await req('DELETE', '/api/v1/admin/calendar/2026-10-10')).statusCode).toBe(204);
    expect(await dueOfFridayQuestion()).toBe('2026-10-10T16:00:00.000Z');
    expect((await req('DELETE', '/api/v1/admin/calendar/2026-10-10')).statusCode).toBe(404);
  });

  it('lets an admin enter a year the package does not know', async () => {
    const before = await req('GET', '/api/v1/admin/calendar?year=2030');
    expect(before.json()).toMatchObject({ hasSchedule: false, official: [] });
    await req('PUT', '/api/v1/admin/calendar/2030-01-01', w.admin, { kind: 'holiday', name: '元旦' });
    const after = await req('GET', '/api/v1/admin/calendar?year=2030');
    expect(after.json().hasSchedule).toBe(true);
    expect(w.t.app.calendar.isWorkingDay('2030-01-01')).toBe(false);
  });

  it('refuses impossible dates and unknown kinds', async () => {
    const bad = await req('PUT', '/api/v1/admin/calendar/2026-02-30', w.admin, { kind: 'holiday', name: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', field: 'date' });
    const kindBad = await req('PUT', '/api/v1/admin/calendar/2026-03-02', w.admin, { kind: 'weekend' });
    expect(kindBad.statusCode).toBe(400);
    expect((await req('PUT', '/api/v1/admin/calendar/2026-03-02', w.rs, { kind: 'holiday', name: 'x' })).statusCode).toBe(403);
  });
});
