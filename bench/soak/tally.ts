import { percentile } from '../benchmark/load';

export interface OperationFigures {
  operation: string;
  requests: number;
  errors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Requests, errors and response times by operation; the first few errors word for word. */
export class Tally {
  private readonly byOperation = new Map<string, { requests: number; errors: number; ms: number[] }>();
  readonly firstErrors: string[] = [];

  record(operation: string, ms: number, error?: string): void {
    const entry = this.entry(operation);
    entry.requests++;
    entry.ms.push(ms);
    if (error !== undefined) this.fail(operation, error);
  }

  /** Errors, of a request or of something around requests (a writer that gave up, say). */
  fail(operation: string, error: string, count = 1): void {
    this.entry(operation).errors += count;
    if (this.firstErrors.length < 10) this.firstErrors.push(`${operation}: ${error}`);
  }

  private entry(operation: string) {
    let entry = this.byOperation.get(operation);
    if (!entry) this.byOperation.set(operation, (entry = { requests: 0, errors: 0, ms: [] }));
    return entry;
  }

  get requests(): number {
    return [...this.byOperation.values()].reduce((sum, entry) => sum + entry.requests, 0);
  }

  get errors(): number {
    return [...this.byOperation.values()].reduce((sum, entry) => sum + entry.errors, 0);
  }

  figures(): OperationFigures[] {
    return [...this.byOperation].map(([operation, { requests, errors, ms }]) => {
      const sorted = Float64Array.from(ms).sort();
      return {
        operation,
        requests,
        errors,
        p50Ms: percentile(sorted, 50),
        p90Ms: percentile(sorted, 90),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1] ?? Number.NaN,
      };
    });
  }
}
