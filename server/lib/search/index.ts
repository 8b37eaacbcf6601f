export { segment, indexText, queryTokens } from './tokens';
export { highlight, highlightTerms, matchedTerms, type HighlightRun } from './highlight';
export { toFts5Match, toTsQuery } from './fts-query';
export { SYNONYM_GROUPS } from './synonyms';
