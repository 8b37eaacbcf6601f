import type { MessageComplexity } from '@contract/message';
import { chinaDeadline } from '@/lib/china-time';

export const WORKING_DAYS: Record<MessageComplexity, number> = { simple: 1, complex: 3 };

interface Deadline {
  complexity: MessageComplexity;
  replyDueAt: string;
  answered: boolean;
  overdue: boolean;
}

/** “工作日 1 天内答复，截止 12月1日 18:00”, or that it was answered. */
export function deadlineText(thread: Deadline): string {
  if (thread.answered) return '部门已答复';
  return `工作日 ${WORKING_DAYS[thread.complexity]} 天内答复，截止 ${chinaDeadline(thread.replyDueAt)}`;
}
