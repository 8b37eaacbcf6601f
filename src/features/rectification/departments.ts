import { useEffect, useState } from 'react';
import type { SatisfactionStats } from '@contract/satisfaction';
import { request } from '@/lib/api/client';
import { chinaYear } from '@/lib/china-time';

export interface DepartmentOption {
  id: number;
  name: string;
}

/**
 * Departments that can own tickets: those with ratings or tickets this year or last (tickets only arise from ratings).
 * The API has no department directory yet; the statistics name every department that has any.
 */
export async function fetchTicketDepartments(now = new Date()): Promise<DepartmentOption[]> {
  const year = chinaYear(now);
  const answers = await Promise.all(
    [year, year - 1].map((period) =>
      request<SatisfactionStats>('/api/v1/admin/stats/satisfaction', { query: { period: String(period), by: 'department' }, quiet: true }),
    ),
  );
  const byId = new Map<number, string>();
  for (const stats of answers) for (const g of stats.groups) if (g.key.id !== null) byId.set(g.key.id, g.key.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Loaded only for the office; department staff see their own ledger and need no choice. */
export function useTicketDepartments(enabled: boolean): DepartmentOption[] {
  const [departments, setDepartments] = useState<DepartmentOption[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    fetchTicketDepartments()
      .then((list) => live && setDepartments(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled]);
  return departments;
}
