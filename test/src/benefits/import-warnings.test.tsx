import { fireEvent, render, screen, within } from '@testing-library/react';
import { ImportScreen } from '@/features/policies/staff/import-screen';
import { freshImportScreen, pickFile } from '../policies/import-screen-harness';

jest.mock('@tarojs/taro', () => jest.requireActual('../policies/taro-extra'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extra } = require('../policies/taro-extra') as typeof import('../policies/taro-extra');

beforeEach(() => freshImportScreen(extra));

const warning = (row: number) => ({ row, enterprise: `企业${row}有限公司`, messages: ['无法判断“成立年限需满1年”（企业档案缺少成立日期）'] });

async function importBenefits(warnings: object[]) {
  extra.uploadResponse = () => ({ statusCode: 200, data: JSON.stringify({ created: 2, skipped: 0, errors: [], warnings }) });
  render(<ImportScreen />);
  const card = await screen.findByTestId('import-benefits');
  fireEvent.click(within(card).getByRole('button', { name: '选择文件并导入' }));
  pickFile('兑现名单.csv');
  await within(card).findByText('导入成功：新增 2 家企业的享受记录');
  return card;
}

describe('兑现名单导入的条件提示', () => {
  it('lists the bound rows whose profile does not meet the policy, each with the failed conditions', async () => {
    const card = await importBenefits([
      {
        row: 12,
        enterprise: '茗溪云峰茶业有限公司',
        messages: ['不符合“成立年限需满1年”（成立于2026-03-01）', '不符合“注册地需在茶园街道”（登记地：云峰镇）'],
      },
    ]);
    const box = within(card).getByTestId('import-warnings');
    expect(box).toHaveTextContent('1 家企业的档案与政策条件不符或无法判断');
    expect(box).toHaveTextContent('已照常绑定');
    expect(within(box).getAllByRole('listitem').map((r) => r.textContent)).toEqual([
      '第12行 茗溪云峰茶业有限公司：不符合“成立年限需满1年”（成立于2026-03-01）；不符合“注册地需在茶园街道”（登记地：云峰镇）',
    ]);
  });

  it('shows nothing extra when every bound enterprise meets the conditions', async () => {
    const card = await importBenefits([]);
    expect(within(card).queryByTestId('import-warnings')).toBeNull();
  });

  it('folds a long list to the first five rows and unfolds it on request', async () => {
    const card = await importBenefits([2, 3, 4, 5, 6, 7, 8].map(warning));
    const box = within(card).getByTestId('import-warnings');
    expect(box).toHaveTextContent('7 家企业的档案与政策条件不符或无法判断');
    expect(within(box).getAllByRole('listitem')).toHaveLength(5);
    fireEvent.click(within(box).getByRole('button', { name: '展开全部 7 条' }));
    const rows = within(box).getAllByRole('listitem');
    expect(rows).toHaveLength(7);
    expect(rows[6]).toHaveTextContent('第8行 企业8有限公司：无法判断“成立年限需满1年”（企业档案缺少成立日期）');
    fireEvent.click(within(box).getByRole('button', { name: '收起' }));
    expect(within(box).getAllByRole('listitem')).toHaveLength(5);
  });
});
