import { bearer, databases, wechatLogin } from '../helper';
import { NOW, rateProject, scores, STAGES, world, type World } from './world';

describe.each(databases())('ratings (%s)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(async () => w.close());

  it('stores a good rating without a ticket, and refuses a second one for the same stage', async () => {
    const owner = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    const first = await rateProject(w, owner, projectId, 4);
    expect(first).toEqual({ id: expect.any(Number), ticketId: null });

    const again = await w.rate(owner, { target: { kind: 'project', projectId, stage: STAGES[0] }, scores: scores(5) });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: { code: 'ALREADY_RATED', message: '您已评价过该事项的这一阶段，感谢您的反馈' } });

    // 一事多评: the next stage of the same project is a new rating.
    const nextStage = await rateProject(w, owner, projectId, 5, STAGES[1]);
    expect(nextStage.id).not.toBe(first.id);
  });

  it('a colleague of the same enterprise cannot rate the same stage again', async () => {
    const owner = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    await rateProject(w, owner, projectId, 3);
    const e = await w.t.app.repos.enterprises.findById(owner.enterpriseId);
    const colleagueToken = await wechatLogin(w.t.app, `colleague-${owner.enterpriseId}`);
    await w.t.app.inject({ method: 'POST', url: '/api/v1/me/enterprise', headers: bearer(colleagueToken), payload: { uscc: e!.uscc, name: e!.name } });
    const res = await w.rate({ ...owner, token: colleagueToken }, { target: { kind: 'project', projectId, stage: STAGES[0] }, scores: scores(1) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ALREADY_RATED');
  });

  it('replays a retried submission with the same Idempotency-Key and stores it once', async () => {
    const owner = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    const payload = { target: { kind: 'project', projectId, stage: STAGES[2] }, scores: scores(2), comment: '审批太慢' };
    const a = await w.rate(owner, payload, 'offline-queue-42');
    const b = await w.rate(owner, payload, 'offline-queue-42');
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    expect(a.json().ticketId).toEqual(expect.any(Number));
    const rows = await w.t.app.db.selectFrom('ratings').select('id').where('enterprise_id', '=', owner.enterpriseId).execute();
    expect(rows).toHaveLength(1);
    const tickets = await w.t.app.db.selectFrom('tickets').select('id').where('enterprise_id', '=', owner.enterpriseId).execute();
    expect(tickets).toHaveLength(1);
  });

  it('nobody rates on an enterprise’s behalf', async () => {
    const owner = await w.enterprise();
    const other = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    const payload = { target: { kind: 'project', projectId, stage: STAGES[0] }, scores: scores(5) };

    // Another enterprise: the project is not theirs to rate (nor to know about).
    const foreign = await w.rate(other, payload);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.field).toBe('target.projectId');

    // Staff, visitors and the office cannot rate at all.
    for (const token of [w.staffA, w.visitor, w.admin]) {
      const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/ratings', headers: { authorization: `Bearer ${token}` }, payload });
      expect(res.statusCode).toBe(403);
    }

    // A WeChat user not bound to any enterprise.
    const unbound = await wechatLogin(w.t.app, 'sat-unbound');
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/ratings', headers: bearer(unbound), payload });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ENTERPRISE_NOT_BOUND');
    const count = await w.t.app.db.selectFrom('ratings').select('id').where('target_id', '=', projectId).execute();
    expect(count).toHaveLength(0);
  });

  it('checks scores, stage, comment length and photo size with the field named', async () => {
    const owner = await w.enterprise();
    const projectId = await w.project(owner.enterpriseId);
    const base = { target: { kind: 'project', projectId, stage: STAGES[0] }, scores: scores(4) };

    const badScore = await w.rate(owner, { ...base, scores: { ...scores(4), attitude: 6 } });
    expect(badScore.statusCode).toBe(400);
    const badStage = await w.rate(owner, { ...base, target: { ...base.target, stage: '不存在的阶段' } });
    expect(badStage.statusCode).toBe(400);
    expect(badStage.json().error.field).toBe('target.stage');
    const longComment = await w.rate(owner, { ...base, comment: '慢'.repeat(501) });
    expect(longComment.statusCode).toBe(400);

    const big = `data:image/jpeg;base64,${Buffer.alloc(300 * 1024 + 1, 1).toString('base64')}`;
    const tooBig = await w.rate(owner, { ...base, problem: { category: '办事效率', description: '排队时间长', photos: [big] } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.field).toBe('problem.photos.0');

    const small = `data:image/png;base64,${Buffer.alloc(2048, 7).toString('base64')}`;
    const withPhotos = await w.rate(owner, { ...base, scores: scores(1), problem: { category: '办事效率', description: '排队时间长', photos: [small, small] } });
    expect(withPhotos.statusCode).toBe(201);
    const stored = await w.t.app.repos.ratings.photos(withPhotos.json().id);
    expect(stored).toEqual([small, small]);
  });

  it('rates a delivery only once it is delivered, only by its own enterprise, and marks it rated', async () => {
    const owner = await w.enterprise();
    const other = await w.enterprise();
    const insertDelivery = async (status: string) =>
      (
        await w.t.app.db
          .insertInto('deliveries')
          .values({
            enterprise_id: owner.enterpriseId,
            created_by: owner.userId,
            status,
            items: '[]',
            mode: '自取',
            recipient_name: '王小明',
            phone_enc: 'x',
            phone_masked: '138****1234',
            date: '2026-09-29',
            period: '上午',
            created_at: NOW,
            updated_at: NOW,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
      ).id;
    const pending = await insertDelivery('accepted');
    const delivered = await insertDelivery('delivered');

    const early = await w.rate(owner, { target: { kind: 'delivery', deliveryId: pending }, scores: scores(5) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOT_RATABLE');
    const foreign = await w.rate(other, { target: { kind: 'delivery', deliveryId: delivered }, scores: scores(5) });
    expect(foreign.statusCode).toBe(404);

    const ok = await w.rate(owner, { target: { kind: 'delivery', deliveryId: delivered }, scores: scores(2) });
    expect(ok.statusCode).toBe(201);
    const row = await w.t.app.db.selectFrom('deliveries').select('rated_at').where('id', '=', delivered).executeTakeFirstOrThrow();
    expect(row.rated_at).toBe(NOW);
    // The ticket goes to the department that handles deliveries.
    const ticket = await w.get(w.staffDelivery, `/api/v1/tickets/${ok.json().ticketId}`);
    expect(ticket.statusCode).toBe(200);
    expect(ticket.json().department.id).toBe(w.departments.delivery);

    const twice = await w.rate(owner, { target: { kind: 'delivery', deliveryId: delivered }, scores: scores(5) });
    expect(twice.json().error.code).toBe('ALREADY_RATED');
  });
});
