/** One measured figure. `value` is the median over the runs; `baseline` the same page without the widget. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  /** The DESIGN.md budget, in `unit`; compared with `value`, or with `value - baseline` when `budgetOn` is 'added'. */
  budget?: number;
  budgetOn?: 'value' | 'added';
  ok?: boolean;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  notes?: string[];
  /** Every run's raw figures, for whoever wants more than medians. */
  runs?: unknown;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A row with its budget checked. */
export function row(r: Omit<BenchRow, 'ok'>): BenchRow {
  if (r.budget === undefined) return r;
  const measured = r.budgetOn === 'added' ? r.value - (r.baseline ?? 0) : r.value;
  return { ...r, ok: measured <= r.budget };
}
