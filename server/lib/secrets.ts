import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Opaque bearer token for the client; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url, so the scheme can change later. */
export function encrypt(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/**
 * Keys that still open old ciphertexts while DATA_KEY is being rotated, kept beside the current
 * key object itself so every existing `decrypt(x, config.dataKey)` call honours them unchanged.
 */
const previousKeys = new WeakMap<Buffer, readonly Buffer[]>();

/** The current key, which from now on also decrypts what `previous` keys sealed. */
export function withPreviousKeys(current: Buffer, previous: readonly Buffer[]): Buffer {
  previousKeys.set(current, previous);
  return current;
}

function open(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Opens with `key`, then with its previous keys; GCM's tag makes a wrong key fail rather than yield garbage. */
export function decrypt(sealed: string, key: Buffer): string {
  try {
    return open(sealed, key);
  } catch (err) {
    for (const previous of previousKeys.get(key) ?? []) {
      try {
        return open(sealed, previous);
      } catch {
        // not this one either
      }
    }
    throw err;
  }
}

/** The plain text if exactly this key (no fallback) opens `sealed`, else null: how a rotation tells old rows from new. */
export function decryptWith(sealed: string, key: Buffer): string | null {
  try {
    return open(sealed, key);
  } catch {
    return null;
  }
}

/** 13812341234 -> 138****1234; shorter or foreign numbers keep only their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** JSON with object keys sorted, so equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
