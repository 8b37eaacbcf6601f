import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { VisitCode } from '@/features/visits/visit-code';
import { USER, freshApp, signedIn } from '../helpers';

// The WeChat build: the 小程序码 is fetched; the browser build (every other test) keeps the plain QR.
jest.mock('@/lib/wx/env', () => ({ isWeapp: true, isH5: false }));
jest.mock('@tarojs/taro', () => {
  const base = jest.requireActual('../taro-stub');
  const downloadFile = jest.fn();
  return { ...base, downloadFile, default: { ...base.default, downloadFile }, __esModule: true };
});

type Download = { url: string; header: Record<string, string>; timeout?: number };
const downloadFile = Taro.downloadFile as unknown as jest.Mock<Promise<{ statusCode: number; tempFilePath: string }>, [Download]>;

const VISITOR = { ...USER, id: 40, role: 'visitor' as const, displayName: '游晓峰', department: { id: 1, name: '区营商办' }, phoneMasked: null };
const NOTE = /未能获取小程序码，已改用普通二维码/;

const visit = (id: number) => ({ id, miniProgramPath: `pages/survey/index?scene=Sc${id}`, h5Url: `/#/pages/survey/index?scene=Sc${id}` });

beforeEach(() => {
  freshApp();
  signedIn(VISITOR);
  downloadFile.mockReset();
});

describe('visit code in WeChat', () => {
  it('shows the 小程序码 fetched with the staff token, for WeChat’s own scanner', async () => {
    downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/code-1.png' });
    render(<VisitCode visit={visit(1)} enterpriseName="平安银行股份有限公司" stage="2026年第四季度走访" />);
    expect(screen.getByText('正在获取小程序码…')).toBeInTheDocument();

    const code = (await screen.findByRole('img', { name: '评价小程序码' })) as HTMLImageElement;
    expect(code.getAttribute('src')).toBe('wxfile://tmp/code-1.png');
    expect(screen.getByText('请企业负责人用微信“扫一扫”扫码，即可打开评价')).toBeInTheDocument();
    expect(downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://api.test/api/v1/visits/1/code', header: { Authorization: 'Bearer token-abc' } }));
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    expect(document.querySelector('[data-qr-text]')).toBeNull();
  });

  it('offline at the door: falls back to the plain QR of the page path, says why, and 重新获取 brings the 小程序码', async () => {
    downloadFile.mockRejectedValueOnce({ errMsg: 'downloadFile:fail network error' });
    render(<VisitCode visit={visit(2)} enterpriseName="平安银行股份有限公司" stage="2026年第四季度走访" />);

    expect(await screen.findByText(NOTE)).toBeInTheDocument();
    expect(screen.getByText('请企业负责人先打开“营商通”，再用首页的“扫一扫”扫码评价')).toBeInTheDocument();
    expect(document.querySelector('[data-qr-text]')?.getAttribute('data-qr-text')).toBe('pages/survey/index?scene=Sc2');
    expect(screen.queryByRole('img', { name: '评价小程序码' })).not.toBeInTheDocument();

    downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/code-2.png' });
    fireEvent.click(screen.getByRole('button', { name: '重新获取小程序码' }));
    expect(((await screen.findByRole('img', { name: '评价小程序码' })) as HTMLImageElement).getAttribute('src')).toBe('wxfile://tmp/code-2.png');
    expect(screen.queryByText(NOTE)).not.toBeInTheDocument();
    expect(downloadFile).toHaveBeenCalledTimes(2);
  });

  it('falls back too when the server cannot get the code from WeChat (502)', async () => {
    downloadFile.mockResolvedValue({ statusCode: 502, tempFilePath: 'wxfile://tmp/error.json' });
    render(<VisitCode visit={visit(3)} enterpriseName="平安银行股份有限公司" stage="立项" />);
    expect(await screen.findByText(NOTE)).toBeInTheDocument();
    expect(document.querySelector('[data-qr-text]')?.getAttribute('data-qr-text')).toBe('pages/survey/index?scene=Sc3');
    expect(screen.queryByRole('img', { name: '评价小程序码' })).not.toBeInTheDocument();
  });

  it('shows a code fetched earlier at once when it is opened again, without the network', async () => {
    downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/code-4.png' });
    const first = render(<VisitCode visit={visit(4)} enterpriseName="平安银行股份有限公司" stage="立项" />);
    await screen.findByRole('img', { name: '评价小程序码' });
    first.unmount();

    downloadFile.mockRejectedValue({ errMsg: 'downloadFile:fail network error' });
    render(<VisitCode visit={visit(4)} enterpriseName="平安银行股份有限公司" stage="立项" />);
    expect((screen.getByRole('img', { name: '评价小程序码' }) as HTMLImageElement).getAttribute('src')).toBe('wxfile://tmp/code-4.png');
    expect(downloadFile).toHaveBeenCalledTimes(1);
  });
});
