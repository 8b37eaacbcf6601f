/**
 * One line per headline figure of a benchmark, for the single table `npm run bench` prints at the
 * end (scripts/bench.mjs). Each benchmark still prints its own detailed tables; these rows say
 * what the targets are measured against. A bench run on its own just prints its details.
 */
import { appendFileSync } from 'node:fs';

export interface SummaryRow {
  /** What was measured, in Chinese, e.g. 「POST /ratings（SQLite）」. */
  item: string;
  /** The figure as shown, e.g. "1,234 请求/s · 6%". */
  figure: string;
  /** The target as stated in the issue, e.g. "≥ 20% 裸路由"; '' when there is none. */
  target: string;
  /** Whether the target is met; null when there is no target. */
  met: boolean | null;
}

/** Set by scripts/bench.mjs: the JSON-lines file the rows go to. */
const FILE = process.env.BENCH_SUMMARY_FILE;
const BENCH = process.env.BENCH_NAME ?? '';

export function summarize(...rows: SummaryRow[]): void {
  if (!FILE) return;
  for (const row of rows) appendFileSync(FILE, `${JSON.stringify({ bench: BENCH, ...row })}\n`);
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
export const perSecond = (rps: number) => `${Math.round(rps).toLocaleString('en-US')} 请求/s`;
