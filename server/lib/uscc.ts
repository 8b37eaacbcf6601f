import { checkUscc } from '../../types/uscc';
import { HttpError } from './http-error';

/** The normalised USCC, or the shared rule's own message as a 400 on field 'uscc'. */
export function requireValidUscc(input: string): string {
  const result = checkUscc(input);
  if (!result.ok) throw new HttpError(400, result.code, result.message, 'uscc');
  return result.value;
}
