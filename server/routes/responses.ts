import { ErrorBody } from '../../types/errors';

/** Response schemas for the error statuses a route can return; all share the one error body. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ErrorBody> {
  const out = {} as Record<S, typeof ErrorBody>;
  for (const s of statuses) out[s] = ErrorBody;
  return out;
}
