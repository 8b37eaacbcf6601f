import { queryTokens } from './tokens';
import { SYNONYM_GROUPS } from './synonyms';

export interface HighlightRun {
  text: string;
  hit: boolean;
}

/**
 * The strings to mark in a text for a query: its tokens, plus every form of an abbreviation
 * the query used, so 社保 also lights up 社会保险 (which is why the policy was found).
 */
export function highlightTerms(q: string): string[] {
  const tokens = queryTokens(q);
  const asked = new Set(tokens);
  const terms = new Set(tokens);
  for (const group of SYNONYM_GROUPS) {
    const used = group.some((member) => queryTokens(member).every((t) => asked.has(t)));
    if (used) for (const member of group) terms.add(member);
  }
  // Longest first, so a whole 社会保险 is preferred to its pieces when runs are built.
  return [...terms].sort((a, b) => b.length - a.length);
}

function markedPositions(text: string, terms: readonly string[]): boolean[] {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i++) marked[i] = true;
    }
  }
  return marked;
}

/** Splits text into alternating runs; `hit` runs are the parts that match the query. */
export function highlight(text: string, q: string): HighlightRun[] {
  const terms = highlightTerms(q);
  if (!text) return [];
  if (terms.length === 0) return [{ text, hit: false }];
  const marked = markedPositions(text, terms);
  const runs: HighlightRun[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.hit === marked[i]) last.text += text[i];
    else runs.push({ text: text[i], hit: marked[i] });
  }
  return runs;
}

/** The distinct words of `text` that the query matched (e.g. for PolicyListItem.matchedTerms). */
export function matchedTerms(text: string, q: string): string[] {
  return [...new Set(highlight(text, q).filter((r) => r.hit).map((r) => r.text))];
}
