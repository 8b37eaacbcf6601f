import { surveyUrlFromScan } from '@/features/visits/scan';
import { surveySourceFromParams } from '@/features/survey/survey-source';

describe('扫一扫 → survey', () => {
  it('opens the survey from the mini-program path, the H5 link or a mini-program code', () => {
    expect(surveyUrlFromScan({ result: 'pages/survey/index?scene=Ab3dEf9hJkLmNp2q' })).toBe('/pages/survey/index?scene=Ab3dEf9hJkLmNp2q');
    expect(surveyUrlFromScan({ result: 'http://127.0.0.1:8080/#/pages/survey/index?scene=Ab3d' })).toBe('/pages/survey/index?scene=Ab3d');
    expect(surveyUrlFromScan({ result: '', path: 'pages/survey/index?scene=Ab3d' })).toBe('/pages/survey/index?scene=Ab3d');
  });

  it('refuses codes that are not ours or carry something else than a scene', () => {
    expect(surveyUrlFromScan({ result: 'https://example.com/pay?scene=abc' })).toBeNull();
    expect(surveyUrlFromScan({ result: 'pages/survey/index?scene=../../me' })).toBeNull();
    expect(surveyUrlFromScan({ result: '6901234567892' })).toBeNull();
  });

  it('reads what to rate from the page query', () => {
    expect(surveySourceFromParams({ scene: 'Ab3d' })).toEqual({ kind: 'visit', scene: 'Ab3d' });
    expect(surveySourceFromParams({ deliveryId: '12' })).toEqual({ kind: 'target', target: { kind: 'delivery', deliveryId: 12 }, title: null });
    expect(surveySourceFromParams({ projectId: '3', stage: encodeURIComponent('施工许可') })).toEqual({
      kind: 'target',
      target: { kind: 'project', projectId: 3, stage: '施工许可' },
      title: null,
    });
    // A project needs its stage; nothing ratable → the 服务评价 hub.
    expect(surveySourceFromParams({ projectId: '3' })).toBeNull();
    expect(surveySourceFromParams({ deliveryId: '-1' })).toBeNull();
  });
});
