import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ImportScreen } from '@/features/policies/staff/import-screen';
import { captureDownloads } from '../helpers';
import { freshImportScreen, pickFile } from './import-screen-harness';

jest.mock('@tarojs/taro', () => jest.requireActual('./taro-extra'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { extra } = require('./taro-extra') as typeof import('./taro-extra');

beforeEach(() => freshImportScreen(extra));

describe('批量导入', () => {
  it('uploads the chosen sheet as multipart field file and lists every bad row', async () => {
    extra.uploadResponse = () => ({
      statusCode: 400,
      data: JSON.stringify({
        error: { code: 'IMPORT_INVALID', message: '共有2行数据有误，整份文件未导入，请修改后重新上传' },
        report: {
          created: 0,
          skipped: 0,
          errors: [
            { row: 3, column: '类型', message: '应为 减免、奖补、权益、资质 之一' },
            { row: 5, column: '开始日期', message: '日期不存在' },
          ],
        },
      }),
    });
    render(<ImportScreen />);
    const card = await screen.findByTestId('import-policies');
    fireEvent.click(within(card).getByRole('button', { name: '选择文件并导入' }));
    pickFile('政策清单.xlsx');

    const report = await within(card).findByTestId('report-policies');
    expect(report).toHaveTextContent('共有2行数据有误，整份文件未导入');
    const rows = within(report).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['第 3 行 · 类型：应为 减免、奖补、权益、资质 之一', '第 5 行 · 开始日期：日期不存在']);
    expect(extra.uploads).toEqual([
      expect.objectContaining({
        url: 'http://api.test/api/v1/admin/policies/import',
        name: 'file',
        fileName: '政策清单.xlsx',
        filePath: 'blob:http://localhost/sheet-1',
        header: { Authorization: 'Bearer token-abc' },
      }),
    ]);
  });

  it('reports created and skipped rows of an accepted benefit list', async () => {
    extra.uploadResponse = () => ({ statusCode: 200, data: JSON.stringify({ created: 8, skipped: 2, errors: [] }) });
    render(<ImportScreen />);
    const card = await screen.findByTestId('import-benefits');
    fireEvent.click(within(card).getByRole('button', { name: '选择文件并导入' }));
    pickFile('兑现名单.csv');
    expect(await within(card).findByText('导入成功：新增 8 家企业的享受记录，2 行已存在未重复导入')).toBeInTheDocument();
    expect(extra.uploads[0].url).toBe('http://api.test/api/v1/admin/benefits/import');
  });

  it('offers each import its own template to download', async () => {
    const { asked, restore } = captureDownloads();
    try {
      render(<ImportScreen />);
      for (const [card, path] of [
        ['import-policies', '/api/v1/admin/policies/import-template'],
        ['import-benefits', '/api/v1/admin/benefits/import-template'],
      ]) {
        fireEvent.click(within(await screen.findByTestId(card)).getByText('下载导入模板'));
        await waitFor(() => expect(asked.map((u) => new URL(u).pathname)).toContain(path));
      }
    } finally {
      restore();
    }
  });

  it('refuses other file types before uploading', async () => {
    render(<ImportScreen />);
    const card = await screen.findByTestId('import-policies');
    fireEvent.click(within(card).getByRole('button', { name: '选择文件并导入' }));
    pickFile('照片.jpg');
    await waitFor(() => expect(document.querySelector('input[type=file]')).toBeNull());
    expect(extra.uploads).toHaveLength(0);
  });
});
