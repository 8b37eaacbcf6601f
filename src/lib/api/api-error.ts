/** A failed API call, with the server's stable code and its Chinese message for people. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;

  constructor(code: string, message: string, status: number, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络不可用，请检查网络后重试';
export const TIMEOUT_MESSAGE = '请求超时，请稍后重试';
export const SERVER_ERROR_MESSAGE = '服务器开小差了，请稍后再试';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message)) return error.message;
  return SERVER_ERROR_MESSAGE;
}
