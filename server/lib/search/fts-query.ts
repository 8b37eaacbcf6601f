/**
 * Query expressions for the two engines, built from the same tokens so they match the same
 * documents. Tokens are letters, digits and Han characters only (see tokens.ts), but they
 * are quoted anyway so no user input can reach the query syntax.
 */

/** SQLite FTS5 MATCH expression: all tokens required. */
export function toFts5Match(tokens: readonly string[]): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** PostgreSQL to_tsquery('simple', …) text: all tokens required. */
export function toTsQuery(tokens: readonly string[]): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `'${t.replace(/['\\]/g, '')}'`).join(' & ');
}
