import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Page } from '@/components/page';
import { AddressField } from '@/features/delivery/address-field';
import { PhoneField } from '@/features/delivery/phone-field';
import type { PhoneInput } from '@/features/delivery/booking-model';
import { HandoverProof } from '@/features/delivery/signature-field';
import { PrivacyPopup as H5PrivacyPopup } from '@/features/privacy/privacy-popup.h5';
import { privacyStore, registerPrivacyHandler } from '@/features/privacy/privacy-store';
import { PrivacyScreen } from '@/features/privacy/privacy-screen';
import { chooseWechatAddress } from '@/lib/wx/address';
import { needsPrivacyAuthorization } from '@/lib/wx/privacy';
import { taroMock } from '../taro-stub';
import { freshApp } from '../helpers';

// The browser build (setup.ts sets TARO_ENV=h5): WeChat's privacy flow does not exist, and nothing may wait for it.
const TITLE = '用户隐私保护提示';
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function DeliveryContact() {
  const [region, setRegion] = useState<string[]>([]);
  const [detail, setDetail] = useState('');
  const [phone, setPhone] = useState<PhoneInput>({ source: 'typed', value: '' });
  const [proof, setProof] = useState('');
  return (
    <Page title="证照递送">
      <AddressField region={region} detail={detail} onRegion={setRegion} onDetail={setDetail} onPicked={() => undefined} />
      <PhoneField value={phone} accountMasked={null} onChange={setPhone} />
      <HandoverProof value={proof} onChange={setProof} />
    </Page>
  );
}

beforeEach(freshApp);
afterEach(() => act(() => privacyStore.answer(false)));

describe('privacy consent on H5', () => {
  it('never shows the WeChat consent popup, even if a request were pending', () => {
    expect(typeof (globalThis as { wx?: unknown }).wx).toBe('undefined');
    expect(() => registerPrivacyHandler()).not.toThrow();
    const waiting = jest.fn();
    render(<Page title="我的">内容</Page>);
    act(() => privacyStore.request(waiting));
    expect(screen.getByText('内容')).toBeInTheDocument();
    expect(screen.queryByText(TITLE)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '同意并继续' })).not.toBeInTheDocument();
  });

  it('the H5 build’s popup module (privacy-popup.h5.tsx) renders nothing', () => {
    act(() => privacyStore.request(jest.fn()));
    const { container } = render(<H5PrivacyPopup />);
    expect(container).toBeEmptyDOMElement();
  });

  it('address, phone and photo work without any consent step', async () => {
    await expect(needsPrivacyAuthorization()).resolves.toBe(false);
    await expect(chooseWechatAddress()).resolves.toBeNull();
    render(<DeliveryContact />);

    // Address: no WeChat address book; the region picker and the street field instead.
    expect(screen.queryByRole('button', { name: '从微信地址选择' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '选择所在地区' })).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText(/街道、门牌号/), { target: { value: '茗溪路88号2楼' } });
    expect(screen.getByPlaceholderText(/街道、门牌号/)).toHaveValue('茗溪路88号2楼');

    // Phone: typed, no WeChat phone button.
    expect(screen.queryByRole('button', { name: '使用微信手机号' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('11位手机号'), { target: { value: '13812345678' } });
    expect(screen.getByPlaceholderText('11位手机号')).toHaveValue('13812345678');

    // Photo: the browser's file picker.
    fireEvent.click(screen.getByRole('radio', { name: '拍照留存' }));
    const file = new File([Buffer.from(PNG_BASE64, 'base64')], 'proof.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('选择签收照片'), { target: { files: [file] } });
    const photo = await screen.findByRole('img', { name: '签收照片' });
    expect(photo.getAttribute('src')).toBe(`data:image/png;base64,${PNG_BASE64}`);

    expect(screen.queryByText(TITLE)).not.toBeInTheDocument();
    expect(taroMock.toasts).toEqual([]);
  });

  it('the privacy policy page is the policy itself, with no WeChat guide link', () => {
    render(<PrivacyScreen />);
    expect(screen.getByText('营商通隐私政策')).toBeInTheDocument();
    expect(screen.getByText('一、我们收集哪些信息')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '查看《营商通隐私保护指引》' })).not.toBeInTheDocument();
  });
});
