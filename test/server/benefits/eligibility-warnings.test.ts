import { usccCheckCharacter } from '../../../types/uscc';
import { toChinaDate } from '../../../server/lib/working-days';
import { PUBLISHED, bearer, databases } from '../helper';
import { buildWorld, multipartFile, type World } from './world';

const A = PUBLISHED[0];
const B = PUBLISHED[1];
const HEADER = '政策文号,政策名称,统一社会信用代码,企业名称,金额(元)';

/** Founded today, in a town of its own: fails every age and place condition. */
const YOUNG_FIRST17 = '91350100MA2Y0K3B1';
const YOUNG = { uscc: `${YOUNG_FIRST17}${usccCheckCharacter(YOUNG_FIRST17)}`, name: '茗溪云峰茶业有限公司', industry: '农、林、牧、渔业', scale: '微型' as const, district: '云峰镇', qualifications: [] };

// Each world hashes passwords and (on PostgreSQL) creates a database: slow on 2 busy cores.
jest.setTimeout(30_000);

describe.each(databases())('%s', (kind) => {
  let w: World;
  let today: string;
  beforeAll(async () => {
    w = await buildWorld(kind);
    today = toChinaDate(new Date());
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/admin/enterprises', headers: bearer(w.admin), payload: { ...YOUNG, registeredOn: today } });
    if (res.statusCode !== 201) throw new Error(`add enterprise failed: ${res.body}`);
  });
  afterAll(async () => {
    await w.t.close();
  });

  const upload = (csv: string) => {
    const { payload, headers } = multipartFile('绑定.csv', Buffer.from(csv, 'utf8'));
    return w.t.app.inject({ method: 'POST', url: '/api/v1/admin/benefits/import', headers: { ...bearer(w.rs), ...headers }, payload });
  };
  const bound = async (policyId: number) =>
    ((await w.t.app.inject({ method: 'GET', url: `/api/v1/admin/benefits?policyId=${policyId}`, headers: bearer(w.rs) })).json().items as { enterprise: { uscc: string } }[])
      .map((i) => i.enterprise.uscc)
      .sort();

  it('binds a matching and a non-matching enterprise alike and warns only for the latter, naming each failed condition', async () => {
    const policyId = await w.policy({
      title: '高新技术制造企业奖励',
      basisDoc: '茗人社〔2026〕21号',
      conditions: [
        { field: 'industry', op: 'in', values: ['制造业'] },
        { field: 'qualifications', op: 'has', value: '高新技术企业' },
      ],
    });
    const res = await upload([HEADER, `茗人社〔2026〕21号,,${A.uscc},${A.name},1000`, `茗人社〔2026〕21号,,${B.uscc},${B.name},500`].join('\n'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 2,
      skipped: 0,
      errors: [],
      warnings: [
        {
          row: 3,
          enterprise: B.name,
          messages: ['不符合“所属行业需为制造业”（登记行业：批发和零售业）', '不符合“需为高新技术企业”（档案中无该认定）'],
        },
      ],
    });
    expect(await bound(policyId)).toEqual([A.uscc, B.uscc].sort());
  });

  it('reports a condition the registry profile lacks the data for as 无法判断, and an unmet age with the founding date', async () => {
    const policyId = await w.policy({
      title: '成立满一年企业补贴',
      basisDoc: '茗人社〔2026〕22号',
      conditions: [{ field: 'yearsSinceRegistration', op: 'gte', value: 1 }],
    });
    const res = await upload([HEADER, `茗人社〔2026〕22号,,${A.uscc},${A.name},1000`, `茗人社〔2026〕22号,,${YOUNG.uscc},${YOUNG.name},800`].join('\n'));
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(2);
    expect(res.json().warnings).toEqual([
      { row: 2, enterprise: A.name, messages: ['无法判断“成立年限需满1年”（企业档案缺少成立日期）'] },
      { row: 3, enterprise: YOUNG.name, messages: [`不符合“成立年限需满1年”（成立于${today}）`] },
    ]);
    expect(await bound(policyId)).toEqual([A.uscc, YOUNG.uscc].sort());
  });

  it('answers the single bind with its warnings: empty when all is met, the failed conditions otherwise, and still binds', async () => {
    const policyId = await w.policy({
      title: '茶园街道中型企业补贴',
      basisDoc: '茗人社〔2026〕23号',
      conditions: [
        { field: 'district', op: 'in', values: ['茶园街道'] },
        { field: 'scale', op: 'in', values: ['中型'] },
      ],
    });
    const bind = (uscc: string, key: string) =>
      w.t.app.inject({ method: 'POST', url: '/api/v1/admin/benefits', headers: { ...bearer(w.rs), 'idempotency-key': key }, payload: { policyId, uscc } });

    const met = await bind(A.uscc, 'warn-a');
    expect(met.statusCode).toBe(201);
    expect(met.json()).toMatchObject({ status: 'matched', enterprise: { uscc: A.uscc }, warnings: [] });

    const unmet = await bind(YOUNG.uscc, 'warn-young');
    expect(unmet.statusCode).toBe(201);
    expect(unmet.json()).toMatchObject({ status: 'matched', enterprise: { uscc: YOUNG.uscc } });
    expect(unmet.json().warnings).toEqual(['不符合“注册地需在茶园街道”（登记地：云峰镇）', '不符合“需为中型企业”（登记规模：微型）']);

    // A retried request replays the same answer, warnings included.
    const replay = await bind(YOUNG.uscc, 'warn-young');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(unmet.json());
    expect(await bound(policyId)).toEqual([A.uscc, YOUNG.uscc].sort());
  });
});
