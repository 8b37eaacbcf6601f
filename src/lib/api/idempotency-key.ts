/**
 * A random key for the Idempotency-Key header (server accepts [A-Za-z0-9_-:.]{1,128}).
 * Math.random is enough: the key only has to be unique per user and submission, not secret.
 */
export function newIdempotencyKey(): string {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return `${Date.now().toString(36)}-${random()}${random()}-${random()}`;
}
