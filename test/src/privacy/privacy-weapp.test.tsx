import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Page } from '@/components/page';
import { AddressField } from '@/features/delivery/address-field';
import { HandoverProof } from '@/features/delivery/signature-field';
import { privacyStore, registerPrivacyHandler } from '@/features/privacy/privacy-store';
import { PrivacyScreen } from '@/features/privacy/privacy-screen';
import { chooseWechatAddress } from '@/lib/wx/address';
import { PRIVACY_REFUSED_MESSAGE } from '@/lib/wx/privacy';
import { taroMock } from '../taro-stub';
import { freshApp } from '../helpers';
import { fakeWechat, installFakeWechat } from './fake-wechat';

// The WeChat build: the privacy flow exists only there (the H5 build is privacy-h5.test.tsx).
jest.mock('@/lib/wx/env', () => ({ isWeapp: true, isH5: false }));
jest.mock('@tarojs/taro', () => jest.requireActual('./taro-privacy'));

const { WECHAT_ADDRESS, PHOTO_BASE64 } = jest.requireActual<{ WECHAT_ADDRESS: { detailInfo: string }; PHOTO_BASE64: string }>('./taro-privacy');

const TITLE = '用户隐私保护提示';
const popup = () => screen.queryByText(TITLE);
const agree = () => fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
const refuse = () => fireEvent.click(screen.getByRole('button', { name: '拒绝' }));

/** The delivery form's address part, as a user sees it: picking from WeChat fills region and street. */
function AddressForm() {
  const [region, setRegion] = useState<string[]>([]);
  const [detail, setDetail] = useState('');
  return (
    <Page title="证照递送">
      <AddressField
        region={region}
        detail={detail}
        onRegion={setRegion}
        onDetail={setDetail}
        onPicked={(picked) => {
          setRegion(picked.region);
          setDetail(picked.detail);
        }}
      />
    </Page>
  );
}

function ProofForm() {
  const [proof, setProof] = useState('');
  return (
    <Page title="签收">
      <HandoverProof value={proof} onChange={setProof} />
    </Page>
  );
}

beforeAll(installFakeWechat);

beforeEach(() => {
  freshApp();
  fakeWechat.reset();
  // app.tsx does this at launch.
  registerPrivacyHandler();
});

// The consent request is app-wide state: one left open must not show up in the next test.
afterEach(() => act(() => privacyStore.answer(false)));

describe('WeChat privacy consent (weapp)', () => {
  it('asks before the address book opens, and fills the address once the user agrees', async () => {
    render(<AddressForm />);
    expect(popup()).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '从微信地址选择' }));
    expect(await screen.findByText(TITLE)).toBeInTheDocument();
    expect(screen.getByText(/请您阅读并同意《营商通隐私保护指引》/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看《营商通隐私保护指引》' })).toBeInTheDocument();
    // WeChat holds the address book until the answer.
    expect(fakeWechat.granted).toEqual([]);
    expect(screen.getByText('请选择省 / 市 / 区')).toBeInTheDocument();

    agree();
    expect(await screen.findByText('广东省 深圳市 南山区')).toBeInTheDocument();
    expect(screen.getByPlaceholderText(/街道、门牌号/)).toHaveValue(WECHAT_ADDRESS.detailInfo);
    expect(fakeWechat.resolutions).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(fakeWechat.granted).toEqual(['chooseAddress']);
    expect(popup()).not.toBeInTheDocument();
    expect(taroMock.toasts).toEqual([]);

    // Agreed once: the next pick goes straight to the address book.
    fireEvent.click(screen.getByRole('button', { name: '从微信地址选择' }));
    await waitFor(() => expect(fakeWechat.granted).toEqual(['chooseAddress', 'chooseAddress']));
    expect(popup()).not.toBeInTheDocument();
  });

  it('on 拒绝 tells the user why in Chinese, leaves the address to be typed, and asks again next time', async () => {
    render(<AddressForm />);
    fireEvent.click(screen.getByRole('button', { name: '从微信地址选择' }));
    await screen.findByText(TITLE);

    refuse();
    await waitFor(() => expect(taroMock.toasts).toEqual([PRIVACY_REFUSED_MESSAGE]));
    expect(fakeWechat.resolutions).toEqual([{ event: 'disagree' }]);
    expect(fakeWechat.granted).toEqual([]);
    expect(popup()).not.toBeInTheDocument();
    // Nothing filled, nothing broken: the user types the address instead.
    expect(screen.getByText('请选择省 / 市 / 区')).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText(/街道、门牌号/), { target: { value: '茗溪路88号' } });
    expect(screen.getByPlaceholderText(/街道、门牌号/)).toHaveValue('茗溪路88号');
    // WeChat's English failure text never reaches the user.
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(taroMock.toasts).toEqual([PRIVACY_REFUSED_MESSAGE]);

    fireEvent.click(screen.getByRole('button', { name: '从微信地址选择' }));
    expect(await screen.findByText(TITLE)).toBeInTheDocument();
    agree();
    expect(await screen.findByText('广东省 深圳市 南山区')).toBeInTheDocument();
  });

  it('opens WeChat’s privacy guide from the popup without leaving the pending request', async () => {
    render(<AddressForm />);
    fireEvent.click(screen.getByRole('button', { name: '从微信地址选择' }));
    await screen.findByText(TITLE);

    fireEvent.click(screen.getByRole('link', { name: '查看《营商通隐私保护指引》' }));
    expect(fakeWechat.contractOpened).toBe(1);
    // Not our own policy page: there this same popup would cover the text being read.
    expect(taroMock.navigations).toEqual([]);
    expect(popup()).toBeInTheDocument();
    expect(fakeWechat.resolutions).toEqual([]);

    agree();
    expect(await screen.findByText('广东省 深圳市 南山区')).toBeInTheDocument();
  });

  it('one answer releases every call that was waiting for it', async () => {
    render(<Page title="证照递送">内容</Page>);
    // Two screens' calls reach WeChat before the user answers (as a render would, inside act).
    let first!: ReturnType<typeof chooseWechatAddress>;
    let second!: ReturnType<typeof chooseWechatAddress>;
    act(() => {
      first = chooseWechatAddress();
      second = chooseWechatAddress();
    });
    await screen.findByText(TITLE);
    expect(screen.getAllByRole('button', { name: '同意并继续' })).toHaveLength(1);

    agree();
    await expect(first).resolves.toMatchObject({ region: ['广东省', '深圳市', '南山区'] });
    await expect(second).resolves.toMatchObject({ detail: WECHAT_ADDRESS.detailInfo });
    expect(fakeWechat.resolutions).toEqual([
      { event: 'agree', buttonId: 'privacy-agree' },
      { event: 'agree', buttonId: 'privacy-agree' },
    ]);
    await waitFor(() => expect(popup()).not.toBeInTheDocument());
  });

  it('asks before the camera or album opens for a handover photo, then shows the photo', async () => {
    render(<ProofForm />);
    fireEvent.click(screen.getByRole('radio', { name: '拍照留存' }));
    fireEvent.click(screen.getByText('拍照或从相册选择'));
    expect(await screen.findByText(TITLE)).toBeInTheDocument();
    expect(fakeWechat.granted).toEqual([]);

    agree();
    const photo = await screen.findByRole('img', { name: '签收照片' });
    expect(photo.getAttribute('src')).toBe(`data:image/png;base64,${PHOTO_BASE64}`);
    expect(fakeWechat.granted).toEqual(['chooseMedia']);
  });

  it('a refused photo leaves no photo, explains in Chinese, and the button can be tapped again', async () => {
    render(<ProofForm />);
    fireEvent.click(screen.getByRole('radio', { name: '拍照留存' }));
    fireEvent.click(screen.getByText('拍照或从相册选择'));
    await screen.findByText(TITLE);

    refuse();
    await waitFor(() => expect(popup()).not.toBeInTheDocument());
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(taroMock.toasts).toEqual([PRIVACY_REFUSED_MESSAGE]);
    expect(screen.queryByRole('img', { name: '签收照片' })).not.toBeInTheDocument();
    expect(screen.getByText('拍摄签收人手持证照或签收单的照片')).toBeInTheDocument();

    fireEvent.click(screen.getByText('拍照或从相册选择'));
    expect(await screen.findByText(TITLE)).toBeInTheDocument();
  });

  it('the privacy policy page opens WeChat’s privacy guide', () => {
    render(<PrivacyScreen />);
    expect(screen.getByText('营商通隐私政策')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '查看《营商通隐私保护指引》' }));
    expect(fakeWechat.contractOpened).toBe(1);
  });
});
