import type { RatingDimension, Score } from '@contract/satisfaction';
import { readStorage, removeStorage, writeStorage } from '@/lib/wx/storage';

/** Everything typed into a survey so far; kept in storage so no signal, a call or a restart loses nothing. */
export interface SurveyDraft {
  scores: Partial<Record<RatingDimension, Score>>;
  comment: string;
  problemOpen: boolean;
  category: string;
  description: string;
  photos: string[];
  /** Set once submitted without network: the Idempotency-Key of the queued request. */
  queuedKey: string | null;
}

export const EMPTY_DRAFT: SurveyDraft = { scores: {}, comment: '', problemOpen: false, category: '', description: '', photos: [], queuedKey: null };

const storageKey = (name: string) => `yst.survey-draft.${name}`;

export function loadDraft(name: string): SurveyDraft {
  const stored = readStorage<Partial<SurveyDraft>>(storageKey(name));
  return stored && typeof stored === 'object' ? { ...EMPTY_DRAFT, ...stored } : EMPTY_DRAFT;
}

export function saveDraft(name: string, draft: SurveyDraft): void {
  writeStorage(storageKey(name), draft);
}

export function clearDraft(name: string): void {
  removeStorage(storageKey(name));
}

export function isDraftEmpty(draft: SurveyDraft): boolean {
  return Object.keys(draft.scores).length === 0 && !draft.comment && !draft.description && draft.photos.length === 0;
}
