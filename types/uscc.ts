/**
 * 统一社会信用代码 (GB 32100-2015). One implementation shared by the app (checks as the
 * user types) and the server (authoritative check), so both always agree.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;
// 3^(i-1) mod 31 for positions 1..17, as printed in the standard.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccResult =
  | { ok: true; value: string }
  | {
      ok: false;
      code: 'USCC_FORMAT' | 'USCC_INVALID';
      message: string;
      value: string;
      /** 1-based position of the offending character, when one can be named. */
      position?: number;
      /** The check character the first 17 characters call for (USCC_INVALID only). */
      expected?: string;
    };

/** Trim, drop every kind of space, fold full-width forms to ASCII, upper-case. */
export function normaliseUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0\u200B-\u200D\uFEFF-]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters (which must all be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

const FORBIDDEN_HINT = '（代码中不会出现 I、O、Z、S、V）';

export function checkUscc(input: string): UsccResult {
  const value = normaliseUscc(input);
  if (value.length === 0) {
    return { ok: false, code: 'USCC_FORMAT', value, message: '请输入18位统一社会信用代码' };
  }
  for (let i = 0; i < value.length; i++) {
    if (!USCC_ALPHABET.includes(value[i])) {
      const shown = value[i];
      return {
        ok: false,
        code: 'USCC_FORMAT',
        value,
        position: i + 1,
        message: `第${i + 1}位“${shown}”不是统一社会信用代码允许的字符${/[IOZSV]/.test(shown) ? FORBIDDEN_HINT : ''}`,
      };
    }
  }
  if (value.length !== USCC_LENGTH) {
    return {
      ok: false,
      code: 'USCC_FORMAT',
      value,
      message: `统一社会信用代码应为18位，您输入了${value.length}位`,
    };
  }
  const expected = usccCheckCharacter(value);
  if (value[17] !== expected) {
    return {
      ok: false,
      code: 'USCC_INVALID',
      value,
      position: 18,
      expected,
      message: `校验位不符：按前17位应为“${expected}”，您输入的是“${value[17]}”，请核对代码`,
    };
  }
  return { ok: true, value };
}
