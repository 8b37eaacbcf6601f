import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE } from '@/lib/api/api-error';
import { apiUrl, authHeader, type RequestOptions } from '@/lib/api/client';
import { downloadSlots, uploadSlots } from '@/lib/api/request-slots';
import { isWeapp } from './env';

/**
 * Taro.downloadFile within WeChat's cap of 10 downloads at once (see request-slots.ts): every
 * download in the app goes through here, so the 11th waits for a slot instead of failing.
 */
export function downloadToTemp(option: Taro.downloadFile.Option): Promise<Taro.downloadFile.FileSuccessCallbackResult> {
  return downloadSlots.run(() => Taro.downloadFile(option));
}

/** Taro.uploadFile within WeChat's cap of 10 uploads at once (see request-slots.ts). */
export function uploadFile(option: Taro.uploadFile.Option): Promise<Taro.uploadFile.SuccessCallbackResult> {
  return uploadSlots.run(() => Taro.uploadFile(option));
}

export type DownloadFormat = 'xlsx' | 'csv';

export interface DownloadRequest {
  /** API path, e.g. /api/v1/admin/tickets/export; the file is built by the server with the caller's scope. */
  path: string;
  query?: RequestOptions['query'];
  fileName: string;
  format: DownloadFormat;
}

async function errorOf(status: number, body: () => Promise<unknown>): Promise<ApiError> {
  try {
    const data = (await body()) as { error?: { code: string; message: string } };
    if (data?.error?.message) return new ApiError(data.error.code, data.error.message, status);
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return new ApiError('HTTP_ERROR', SERVER_ERROR_MESSAGE, status);
}

async function saveInBrowser(url: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: authHeader() });
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  if (!response.ok) throw await errorOf(response.status, () => response.json());
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

/** WeChat opens .xlsx in its viewer (forward or save from its menu); .csv has no viewer, so it is sent to a chat. */
async function openInWechat(url: string, fileName: string, format: DownloadFormat): Promise<void> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await downloadToTemp({ url, header: authHeader() });
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  if (result.statusCode !== 200) {
    throw await errorOf(result.statusCode, async () => JSON.parse(Taro.getFileSystemManager().readFileSync(result.tempFilePath, 'utf8') as string));
  }
  if (format === 'xlsx') {
    await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  await Taro.shareFileMessage({ filePath: result.tempFilePath, fileName });
}

/**
 * A file the API sends (an export, an import template) with the session's token: saved by the browser on H5,
 * opened or shared in WeChat. Fails with an ApiError carrying the server's message.
 */
export async function downloadFile({ path, query, fileName, format }: DownloadRequest): Promise<void> {
  const url = apiUrl(path, query);
  if (isWeapp) await openInWechat(url, fileName, format);
  else await saveInBrowser(url, fileName);
}
