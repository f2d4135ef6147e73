// One client, one request at a time: the latency a person at a search box sees when the service
// is not busy, request by request and named, so that the report can say which searches are slow
// rather than only how slow the slowest percentile is.

export interface TimedRequest {
  label: string;
  ms: number;
}

export interface SingleClientLatency {
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Per search, its median over the passes, slowest first (the first few). */
  slowest: { label: string; medianMs: number; maxMs: number }[];
  /** Per category (the label up to its colon), the median of its searches. */
  byCategory: { category: string; p50Ms: number; maxMs: number }[];
}

export interface SequentialLoad {
  url: string;
  bodies: readonly string[];
  labels: readonly string[];
  seconds: number;
}

export interface SequentialResult {
  timings: TimedRequest[];
  errors: number;
  firstError: string | null;
}

/**
 * Sends every body in turn, one at a time, for `seconds` and at least one whole pass: each search
 * of the spread is measured the same number of times (give or take one).
 */
export async function runSequential(load: SequentialLoad): Promise<SequentialResult> {
  const timings: TimedRequest[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const until = Date.now() + load.seconds * 1000;
  for (let i = 0; i < load.bodies.length || Date.now() < until; i++) {
    const index = i % load.bodies.length;
    const started = performance.now();
    const response = await fetch(load.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: load.bodies[index] });
    const text = await response.text();
    timings.push({ label: load.labels[index] ?? `#${index}`, ms: performance.now() - started });
    if (response.status !== 200 || text.includes('"errors":[')) {
      errors++;
      firstError ??= `${response.status} ${text.slice(0, 500)}`;
    }
  }
  return { timings, errors, firstError };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ascending = (a: number, b: number) => a - b;

function groupBy(timings: readonly TimedRequest[], key: (timing: TimedRequest) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const timing of timings) {
    const group = groups.get(key(timing)) ?? [];
    group.push(timing.ms);
    groups.set(key(timing), group);
  }
  for (const values of groups.values()) values.sort(ascending);
  return groups;
}

export function singleClientLatency(timings: readonly TimedRequest[], slowestShown = 8): SingleClientLatency {
  const all = timings.map((timing) => timing.ms).sort(ascending);
  const perSearch = [...groupBy(timings, (timing) => timing.label)].map(([label, values]) => ({
    label,
    medianMs: percentile(values, 50),
    maxMs: values.at(-1) ?? Number.NaN,
  }));
  const byCategory = [...groupBy(timings, (timing) => timing.label.split(':')[0] ?? timing.label)].map(([category, values]) => ({
    category,
    p50Ms: percentile(values, 50),
    maxMs: values.at(-1) ?? Number.NaN,
  }));
  return {
    requests: all.length,
    p50Ms: percentile(all, 50),
    p90Ms: percentile(all, 90),
    p99Ms: percentile(all, 99),
    maxMs: all.at(-1) ?? Number.NaN,
    slowest: perSearch.sort((a, b) => b.medianMs - a.medianMs).slice(0, slowestShown),
    byCategory: byCategory.sort((a, b) => b.p50Ms - a.p50Ms),
  };
}
