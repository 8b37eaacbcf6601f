import { DIMENSION_LABELS, RATING_DIMENSIONS, type RatingDimension } from '@contract/satisfaction-labels';
import type { NewRating, RatingTarget } from '@contract/satisfaction';
import type { SurveyDraft } from './draft-store';

export type SurveyField = RatingDimension | 'category' | 'description' | 'comment';
export type BuildResult = { ok: true; body: NewRating } | { ok: false; field: SurveyField; message: string };

const COMMENT_MAX = 500;

/** The draft as the API wants it, or the first thing the user still has to fill in. */
export function buildRating(draft: SurveyDraft, target: RatingTarget, visitId: number | null): BuildResult {
  for (const dimension of RATING_DIMENSIONS) {
    if (!draft.scores[dimension]) return { ok: false, field: dimension, message: `请为“${DIMENSION_LABELS[dimension]}”选择评价等级` };
  }
  const comment = draft.comment.trim();
  if (comment.length > COMMENT_MAX) return { ok: false, field: 'comment', message: `意见建议不能超过 ${COMMENT_MAX} 字` };
  const body: NewRating = {
    target,
    scores: {
      overall: draft.scores.overall!,
      efficiency: draft.scores.efficiency!,
      level: draft.scores.level!,
      attitude: draft.scores.attitude!,
    },
  };
  if (comment) body.comment = comment;
  if (draft.problemOpen) {
    const category = draft.category.trim();
    const description = draft.description.trim();
    if (!category) return { ok: false, field: 'category', message: '请选择问题类别' };
    if (!description) return { ok: false, field: 'description', message: '请描述遇到的问题' };
    if (description.length > COMMENT_MAX) return { ok: false, field: 'description', message: `问题描述不能超过 ${COMMENT_MAX} 字` };
    body.problem = { category, description, photos: draft.photos.slice(0, 3) };
  }
  if (visitId !== null) body.visitId = visitId;
  return { ok: true, body };
}
