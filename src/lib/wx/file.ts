import Taro from '@tarojs/taro';
import { isWeapp } from './env';

export interface DownloadRequest {
  /** Absolute URL (weapp) or same-origin path (H5). */
  url: string;
  token: string | null;
  fileName: string;
  fileType: 'xlsx' | 'csv';
}

async function serverMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: fall through to the generic text.
  }
  return '导出失败，请稍后重试';
}

async function saveInBrowser({ url, token, fileName }: DownloadRequest): Promise<void> {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!response) throw new Error('网络不可用，请检查网络后重试');
  if (!response.ok) throw new Error(await serverMessage(response));
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** WeChat cannot save to a folder: download to a temp file and open it (the viewer can forward it). */
async function openInWechat({ url, token, fileType }: DownloadRequest): Promise<void> {
  const res = await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!res) throw new Error('网络不可用，请检查网络后重试');
  if (res.statusCode !== 200) throw new Error('导出失败，请稍后重试');
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: fileType as never, showMenu: true });
}

/** A file the API sends (an export): downloaded in the browser, opened in WeChat. */
export function downloadFile(request: DownloadRequest): Promise<void> {
  return isWeapp ? openInWechat(request) : saveInBrowser(request);
}
