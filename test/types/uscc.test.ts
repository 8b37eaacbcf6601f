import { checkUscc, normaliseUscc, usccCheckCharacter, USCC_ALPHABET } from '../../types/uscc';

// Published example codes (PRODUCT.md): real codes, not derived from our own implementation.
const PUBLISHED = ['914403001922038216', '91440300708461136T'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('accepts what people type: lower case, spaces, full-width characters', () => {
    expect(checkUscc(' 9144 0300 7084 6113 6t ')).toEqual({ ok: true, value: '91440300708461136T' });
    expect(checkUscc('９１４４０３００７０８４６１１３６Ｔ')).toEqual({ ok: true, value: '91440300708461136T' });
    expect(normaliseUscc('9144\u30000300-7084')).toBe('914403007084');
  });

  it('names the expected check character when the last one is wrong', () => {
    const r = checkUscc('91440300708461136X');
    expect(r).toMatchObject({ ok: false, code: 'USCC_INVALID', expected: 'T', position: 18 });
    if (!r.ok) expect(r.message).toContain('“T”');
  });

  it('rejects every single-character alteration of a published code', () => {
    const code = PUBLISHED[1];
    for (let i = 0; i < 17; i++) {
      for (const c of USCC_ALPHABET) {
        if (c === code[i]) continue;
        const altered = code.slice(0, i) + c + code.slice(i + 1);
        // A single substitution always changes the weighted sum mod 31 (31 is prime, weights non-zero).
        expect(checkUscc(altered).ok).toBe(false);
      }
    }
  });

  it('says which character is not allowed, and why for I O Z S V', () => {
    const r = checkUscc('9144030070846113OT');
    expect(r).toMatchObject({ ok: false, code: 'USCC_FORMAT', position: 17 });
    if (!r.ok) expect(r.message).toMatch(/第17位“O”.*I、O、Z、S、V/);
    expect(checkUscc('91440300708461136#')).toMatchObject({ code: 'USCC_FORMAT', position: 18 });
  });

  it('reports the length when it is not 18', () => {
    const r = checkUscc('9144030070846113');
    expect(r).toMatchObject({ ok: false, code: 'USCC_FORMAT' });
    if (!r.ok) expect(r.message).toContain('16位');
    expect(checkUscc('   ')).toMatchObject({ ok: false, code: 'USCC_FORMAT', message: '请输入18位统一社会信用代码' });
  });

  it('maps a check value of 31 to 0 and 30 to Y', () => {
    // Find prefixes whose check value lands on the edges of the alphabet; proves the "31 becomes 0" rule.
    const seen = new Set<string>();
    for (let n = 0; n < 2000 && seen.size < USCC_ALPHABET.length; n++) {
      seen.add(usccCheckCharacter(`9144030070846${String(n).padStart(4, '0')}`));
    }
    expect(seen.has('0')).toBe(true);
    expect(seen.has('Y')).toBe(true);
  });
});
