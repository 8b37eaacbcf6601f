import { taroMock } from './taro-stub';
import * as ui from '@/lib/wx/ui.h5';

// The H5 build's './ui' loads Taro's toast and modal code on first use: calls made before it has
// loaded must still show, in the order they were made.
describe('H5 UI feedback loaded on first use', () => {
  it('shows the toasts asked for before the code arrived, in order', async () => {
    ui.showLoading();
    ui.hideLoading();
    ui.showErrorToast('网络不可用，请检查网络后重试');
    ui.showSuccessToast('已保存');
    expect(taroMock.toasts).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(taroMock.toasts).toEqual(['网络不可用，请检查网络后重试', '已保存']);
  });

  it('answers confirm with the user’s choice', async () => {
    taroMock.modalAnswer = true;
    await expect(ui.confirm('解除绑定', '确定解除企业绑定吗？')).resolves.toBe(true);
    taroMock.modalAnswer = false;
    await expect(ui.confirm('解除绑定', '确定解除企业绑定吗？')).resolves.toBe(false);
  });
});
