import Taro from '@tarojs/taro';
import { isH5 } from '@/lib/wx/env';
import { showErrorToast, showSuccessToast } from '@/lib/wx/ui';

/** The H5 address of a page (hash router), for pasting into a chat. */
export function h5Link(pagePath: string): string {
  if (typeof window === 'undefined') return pagePath;
  return `${window.location.origin}${window.location.pathname}#${pagePath}`;
}

export async function copyLink(pagePath: string): Promise<void> {
  if (!isH5) return;
  try {
    await Taro.setClipboardData({ data: h5Link(pagePath) });
    showSuccessToast('链接已复制');
  } catch {
    showErrorToast('复制失败，请手动复制地址栏链接');
  }
}
