import { Type, type Static } from '@sinclair/typebox';

/** Every 4xx/5xx body. `code` is stable (clients branch on it); `message` is for people. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** Codes the app branches on. Others may appear; they are always UPPER_SNAKE. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'USCC_FORMAT'
  | 'USCC_INVALID'
  | 'ENTERPRISE_NOT_FOUND'
  | 'ENTERPRISE_NAME_MISMATCH'
  | 'ENTERPRISE_EXISTS'
  | 'ENTERPRISE_NOT_BOUND'
  | 'WECHAT_CODE_INVALID'
  | 'WECHAT_UNAVAILABLE'
  | 'WXACODE_UNAVAILABLE'
  | 'PHONE_CODE_INVALID'
  | 'BAD_REQUEST'
  | 'DB_UNAVAILABLE'
  | 'LOGIN_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_FLIGHT';
