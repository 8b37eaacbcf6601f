/**
 * Chinese search tokens, identical for SQLite FTS5 (unicode61 over space-separated tokens)
 * and PostgreSQL (to_tsvector('simple', ...)), because both only ever see tokens made here.
 *
 * Why two sides differ:
 * - The index holds, for every run of Han characters, each character and each overlapping
 *   2-character pair, plus Latin words and numbers. So any query that occurs in the text is
 *   found, however ICU's dictionary happens to split the text around it.
 * - The query is split with Intl.Segmenter first and only the pairs INSIDE its words are
 *   required, never pairs across a word boundary. "社保补贴" asks for 社保 and 补贴 (not 保补),
 *   so it also finds "社会保险补贴" (via the synonym 社保↔社会保险) and "补贴……社保".
 */
import { groupsInText } from './synonyms';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_OR_DIGIT_RUN = /[\p{L}\p{N}]+/gu;

/** Single characters that carry no meaning alone; dropped as unigrams on both sides. */
const STOP_CHARS = new Set('的了和与及等或在对为是按将由于其之向从以并把被个每'.split(''));

const isHan = (s: string) => HAN.test(s);

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

interface Word {
  text: string;
  han: boolean;
}

/** Intl.Segmenter word-like segments, Latin lower-cased; runs of single Han characters merged. */
function words(text: string): Word[] {
  const out: Word[] = [];
  let fragment = '';
  const flush = () => {
    if (fragment) out.push({ text: fragment, han: true });
    fragment = '';
  };
  for (const seg of segmenter.segment(text.normalize('NFKC'))) {
    if (!seg.isWordLike) {
      flush();
      continue;
    }
    const s = seg.segment.toLowerCase();
    // ICU leaves abbreviations it does not know (社保, 稳岗, 政采贷) as single characters;
    // gluing neighbours back together lets them be matched as the pairs they are.
    if (isHan(s) && [...s].length === 1 && !STOP_CHARS.has(s)) {
      fragment += s;
      continue;
    }
    flush();
    if (isHan(s)) out.push({ text: s, han: true });
    else for (const m of s.match(LATIN_OR_DIGIT_RUN) ?? []) out.push({ text: m, han: false });
  }
  flush();
  return out;
}

/**
 * Word tokens of a text: Segmenter words (Latin lower-cased, numbers kept) and, for each Han
 * word longer than 2 characters, its overlapping 2-character pairs.
 */
export function segment(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const len = [...w.text].length;
    if (!w.han || len <= 2) {
      if (!(len === 1 && STOP_CHARS.has(w.text))) out.push(w.text);
    } else {
      out.push(w.text, ...bigrams(w.text));
    }
  }
  return out;
}

function indexTokensOf(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const m of normal.match(HAN_RUN) ?? []) {
    for (const ch of m) if (!STOP_CHARS.has(ch)) out.push(ch);
    out.push(...bigrams(m));
  }
  for (const w of words(normal)) if (!w.han) out.push(w.text);
  return out;
}

/**
 * The token string to store in the full-text column. Repeats are kept so the engines' ranking
 * (bm25 / ts_rank) sees how often a term occurs.
 */
export function indexText(fields: readonly (string | null | undefined)[]): string {
  const text = fields.filter((f): f is string => typeof f === 'string' && f.length > 0).join('\n');
  const tokens = indexTokensOf(text);
  for (const group of groupsInText(text.normalize('NFKC'))) {
    for (const member of group) if (!text.includes(member)) tokens.push(...indexTokensOf(member));
  }
  return tokens.join(' ');
}

/**
 * Tokens a document must contain to match the query (all of them). A lone Han character is
 * itself a token; a longer Han word contributes its inner pairs; Latin words and numbers pass.
 */
export function queryTokens(q: string): string[] {
  const out: string[] = [];
  for (const w of words(q)) {
    const len = [...w.text].length;
    if (!w.han || len === 2) out.push(w.text);
    else if (len > 2) out.push(...bigrams(w.text));
    else if (!STOP_CHARS.has(w.text)) out.push(w.text);
  }
  return [...new Set(out)];
}
