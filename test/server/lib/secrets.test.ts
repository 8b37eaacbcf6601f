import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../../server/lib/passwords';
import { canonicalJson, decrypt, encrypt, hashToken, maskPhone, newToken } from '../../../server/lib/secrets';
import { safeUrl } from '../../../server/logger';

describe('secrets', () => {
  it('masks mainland mobiles as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-1234')).toBe('*********1234');
  });

  it('encrypts phone numbers so that only the key opens them, and tampering is detected', () => {
    const key = randomBytes(32);
    const sealed = encrypt('13812341234', key);
    expect(sealed).not.toContain('13812341234');
    expect(encrypt('13812341234', key)).not.toBe(sealed); // fresh IV each time
    expect(decrypt(sealed, key)).toBe('13812341234');
    expect(() => decrypt(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('13900000000').toString('base64url');
    expect(() => decrypt(parts.join('.'), key)).toThrow();
  });

  it('issues unguessable tokens and stores only a hash', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it('hashes passwords with scrypt and verifies them', async () => {
    const stored = await hashPassword('demo123456');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('demo123456', stored)).resolves.toBe(true);
    await expect(verifyPassword('demo1234567', stored)).resolves.toBe(false);
  });

  it('writes equal objects identically whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('hides secret query values in logged URLs', () => {
    expect(safeUrl('/api/v1/x?code=abc&page=2&token=t')).toBe('/api/v1/x?code=[已隐藏]&page=2&token=[已隐藏]');
    expect(safeUrl('/api/v1/x')).toBe('/api/v1/x');
  });
});
