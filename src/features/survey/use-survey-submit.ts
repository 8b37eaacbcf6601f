import { useCallback, useEffect, useRef, useState } from 'react';
import type { RatingCreated, RatingTarget } from '@contract/satisfaction';
import { errorMessage, isApiError } from '@/lib/api/api-error';
import { createSubmission, QUEUED_OFFLINE } from '@/lib/api/client';
import { isQueued, onQueueOutcome, queueOutcome } from '@/lib/api/offline-queue';
import { deliveryRated } from '@/features/delivery/rated-signal';
import { submitRating } from './api';
import { buildRating, type SurveyField } from './build-rating';
import { clearDraft, type SurveyDraft } from './draft-store';

export type SubmitState =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'queued'; key: string }
  | { kind: 'done'; ticketId: number | null; viaQueue: boolean }
  | { kind: 'already'; message: string };

interface Options {
  draftName: string;
  draft: SurveyDraft;
  setDraft: (patch: Partial<SurveyDraft>) => void;
  target: RatingTarget | null;
  visitId: number | null;
}

const ALREADY_RATED = 'ALREADY_RATED';

/** A delivery page under this survey still offers 去评价 until it hears the rating is on record. */
function recorded(target: RatingTarget | null): void {
  if (target?.kind === 'delivery') deliveryRated(target.deliveryId);
}

function initialState(draft: SurveyDraft, name: string): SubmitState {
  const key = draft.queuedKey;
  if (!key) return { kind: 'editing' };
  if (isQueued(key)) return { kind: 'queued', key };
  // It left the queue while this survey was closed.
  const outcome = queueOutcome(key);
  if (outcome?.kind === 'sent') {
    clearDraft(name);
    return { kind: 'done', ticketId: (outcome.data as RatingCreated | null)?.ticketId ?? null, viaQueue: true };
  }
  if (outcome?.kind === 'dropped' && outcome.code === ALREADY_RATED) {
    clearDraft(name);
    return { kind: 'already', message: outcome.message };
  }
  return { kind: 'editing' };
}

/**
 * Submits the survey once: a resubmission of the same answers reuses the Idempotency-Key; with no
 * network the request waits in the offline queue and this screen follows it until it is sent.
 */
export function useSurveySubmit({ draftName, draft, setDraft, target, visitId }: Options) {
  const [state, setState] = useState<SubmitState>(() => initialState(draft, draftName));
  const [errors, setErrors] = useState<Partial<Record<SurveyField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submission = useRef(createSubmission()).current;
  const queuedKey = state.kind === 'queued' ? state.key : null;
  // The page builds its target anew on every render; the queue listener needs only the latest.
  const targetRef = useRef(target);
  targetRef.current = target;

  useEffect(() => {
    if (!queuedKey) return undefined;
    return onQueueOutcome((outcome) => {
      if (outcome.item.key !== queuedKey) return;
      if (outcome.kind === 'sent') {
        clearDraft(draftName);
        recorded(targetRef.current);
        setState({ kind: 'done', ticketId: (outcome.data as RatingCreated | null)?.ticketId ?? null, viaQueue: true });
      } else if (outcome.error.code === ALREADY_RATED) {
        clearDraft(draftName);
        recorded(targetRef.current);
        setState({ kind: 'already', message: outcome.error.message });
      } else {
        // The answers are still in the draft: the user can correct them and send again.
        setDraft({ queuedKey: null });
        setFormError(outcome.error.message);
        setState({ kind: 'editing' });
      }
    });
  }, [queuedKey, draftName, setDraft]);

  const clearError = useCallback((field: SurveyField) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e)), []);

  const submit = async (): Promise<void> => {
    if (!target || state.kind !== 'editing') return;
    setFormError(null);
    const built = buildRating(draft, target, visitId);
    if (!built.ok) {
      setErrors({ [built.field]: built.message });
      setFormError(built.message);
      return;
    }
    setErrors({});
    const key = submission.keyFor(built.body);
    setState({ kind: 'sending' });
    try {
      const created = await submitRating(built.body, key);
      clearDraft(draftName);
      recorded(target);
      setState({ kind: 'done', ticketId: created.ticketId, viaQueue: false });
    } catch (error) {
      if (isApiError(error) && error.code === QUEUED_OFFLINE) {
        setDraft({ queuedKey: key });
        setState({ kind: 'queued', key });
      } else if (isApiError(error) && error.code === ALREADY_RATED) {
        clearDraft(draftName);
        recorded(target);
        setState({ kind: 'already', message: error.message });
      } else {
        setFormError(errorMessage(error));
        setState({ kind: 'editing' });
      }
    }
  };

  return { state, errors, formError, submit, clearError };
}
