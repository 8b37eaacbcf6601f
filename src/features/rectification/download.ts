import Taro from '@tarojs/taro';
import { sessionStore } from '@/features/auth/session-store';
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE } from '@/lib/api/api-error';
import { isH5 } from '@/lib/wx/env';

export type DownloadFormat = 'xlsx' | 'csv';
type Query = Record<string, string | number | boolean | undefined>;

const base = () => (typeof API_BASE === 'string' ? API_BASE : '');

export function downloadUrl(path: string, query: Query): string {
  const params = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${base()}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function authHeader(): Record<string, string> {
  const token = sessionStore.get().token;
  return token ? { Authorization: `Bearer ${token}` } : {};
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

// The file is built by the server with the caller's scope; the browser only saves what it gets.
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
    result = await Taro.downloadFile({ url, header: authHeader() });
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

/** Downloads a server-made file (ledger, quarterly figures) with the session's token. */
export async function downloadFile(path: string, query: Query, fileName: string, format: DownloadFormat): Promise<void> {
  const url = downloadUrl(path, { ...query, format });
  if (isH5) await saveInBrowser(url, fileName);
  else await openInWechat(url, fileName, format);
}
