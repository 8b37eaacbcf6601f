export interface TextPiece {
  text: string;
  hit: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits text into plain and matched pieces. Longer terms win over their own prefixes
 * (稳岗补贴 before 稳岗), and Latin letters match regardless of case.
 */
export function splitHighlights(text: string, terms: readonly string[]): TextPiece[] {
  const usable = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (usable.length === 0 || !text) return [{ text, hit: false }];
  const pattern = new RegExp(`(${usable.map(escape).join('|')})`, 'gi');
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) pieces.push({ text: text.slice(last, at), hit: false });
    pieces.push({ text: match[0], hit: true });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), hit: false });
  return pieces;
}
