import Taro from '@tarojs/taro';
import type { ImportReport } from '@contract/policy';
import { sessionStore } from '@/features/auth/session-store';
import { ApiError, NETWORK_ERROR_MESSAGE, SERVER_ERROR_MESSAGE } from '@/lib/api/api-error';
import { apiUrl, authHeader } from '@/lib/api/client';
import { isWeapp } from '@/lib/wx/env';
import { uploadFile } from '@/lib/wx/file';

export interface PickedFile {
  /** A temp path on weapp, a blob: URL on H5; Taro.uploadFile reads either. */
  path: string;
  name: string;
}

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  /** The server checked every row and stored nothing; the report says where. */
  | { ok: false; message: string; report: ImportReport };

const ACCEPTED = ['xlsx', 'csv'];

/** An H5 file dialog without rendering an <input>: created on demand from the tap. */
function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name } : null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** A spreadsheet from a WeChat chat (weapp) or the computer (H5); null when the user cancels. */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  if (!isWeapp) return pickInBrowser();
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ACCEPTED });
    const file = tempFiles[0];
    return file ? { path: file.path, name: file.name } : null;
  } catch {
    return null;
  }
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** Uploads as multipart field `file` and reads the row report, accepted (200) or refused (400 IMPORT_INVALID). */
export async function uploadSpreadsheet(path: string, file: PickedFile): Promise<ImportOutcome> {
  let response: { statusCode: number; data: unknown };
  try {
    response = await uploadFile({ url: apiUrl(path), filePath: file.path, name: 'file', fileName: file.name, header: authHeader() } as Taro.uploadFile.Option);
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  const body = parse(response.data) as { error?: { code: string; message: string; field?: string }; report?: ImportReport } | ImportReport | null;
  if (response.statusCode === 200 && body && 'created' in body) return { ok: true, report: body };
  if (body && 'error' in body && body.error) {
    if (body.report) return { ok: false, message: body.error.message, report: body.report };
    if (response.statusCode === 401) sessionStore.clear();
    throw new ApiError(body.error.code, body.error.message, response.statusCode, body.error.field);
  }
  throw new ApiError('HTTP_ERROR', SERVER_ERROR_MESSAGE, response.statusCode);
}
