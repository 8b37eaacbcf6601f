/**
 * WeChat's documented value rules for subscribe-message fields (subscribeMessage.send, "订阅消息参数值内容限制").
 * A field's type is its key without the trailing number: `thing1` -> `thing`, `character_string12` -> `character_string`.
 * Types whose rules are only loosely documented (time, date, amount) are left for WeChat to judge.
 * Shared by the client (checks before sending) and the stand-in (answers like WeChat), so both agree.
 */

interface FieldRule {
  /** Maximum length in characters (code points), as WeChat counts them. */
  max: number;
  pattern?: RegExp;
  /** Chinese summary used in error messages. */
  label: string;
}

const RULES: Record<string, FieldRule> = {
  thing: { max: 20, label: '20个以内字符' },
  number: { max: 32, pattern: /^[0-9]+(\.[0-9]+)?$/, label: '32位以内数字，可带小数' },
  letter: { max: 32, pattern: /^[A-Za-z]+$/, label: '32位以内字母' },
  symbol: { max: 5, pattern: /^[^\p{L}\p{N}\s]+$/u, label: '5位以内符号' },
  character_string: { max: 32, pattern: /^[\x21-\x7E]+$/, label: '32位以内数字、字母或符号' },
  phone_number: { max: 17, pattern: /^[0-9+\-() ]+$/, label: '17位以内数字或符号' },
  car_number: { max: 8, label: '8位以内车牌号' },
  name: { max: 10, label: '10个以内纯汉字或20个以内纯字母' },
  phrase: { max: 5, pattern: /^\p{Script=Han}+$/u, label: '5个以内汉字' },
};

const ELLIPSIS = '…';

export function fieldType(key: string): string | undefined {
  return /^([a-z_]+?)\d*$/.exec(key)?.[1];
}

function length(value: string): number {
  return Array.from(value).length;
}

/** Returns why WeChat would refuse this value (Chinese), or null when it is acceptable or the type is not checked. */
export function checkSubscribeValue(key: string, value: string): string | null {
  if (value.length === 0) return '不能为空';
  const type = fieldType(key);
  const rule = type === undefined ? undefined : RULES[type];
  if (!rule) return null;
  // Pure-letter names may be twice as long as Chinese ones (WeChat's own rule).
  const max = type === 'name' && /^[A-Za-z ]+$/.test(value) ? 20 : rule.max;
  if (length(value) > max || (rule.pattern && !rule.pattern.test(value))) return `应为${rule.label}`;
  return null;
}

/**
 * `thing` values carry free text such as a policy title, which is often longer than WeChat's 20 characters.
 * Cutting it with an ellipsis keeps the notice deliverable and the full text is one tap away on `page`;
 * every other type carries data whose meaning a cut would change (numbers, phrases, names), so those are refused.
 */
export function fitSubscribeValue(key: string, value: string): string {
  if (fieldType(key) !== 'thing') return value;
  const chars = Array.from(value);
  const max = RULES.thing.max;
  return chars.length <= max ? value : chars.slice(0, max - 1).join('') + ELLIPSIS;
}
