import type { SoakOptions } from './options';
import type { Tally } from './tally';
import type { WriteFigures } from './writers';

export interface SoakResult {
  options: SoakOptions;
  /** How long the load really ran. */
  seconds: number;
  tally: Tally;
  writes: WriteFigures;
  /** Profiles whose writes the ledger checked. */
  ledgerProfiles: number;
  ledgerProblems: string[];
  memory: { afterWarmup: number; end: number; peak: number };
  serverExitCode: number | null;
}

/** The server's memory at the end may differ from its memory after warm-up by this much. */
export const memoryTolerance = 0.2;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => value.toFixed(1);

function memoryChange({ afterWarmup, end }: SoakResult['memory']): number {
  return (end - afterWarmup) / afterWarmup;
}

/** Why the soak failed, one line each; none when it passed. */
export function failures(result: SoakResult): string[] {
  const reasons: string[] = [];
  if (result.tally.errors > 0) reasons.push(`${result.tally.errors} errors`);
  if (result.ledgerProblems.length > 0) reasons.push(`the ledger check found ${result.ledgerProblems.length} problems`);
  if (!(Math.abs(memoryChange(result.memory)) <= memoryTolerance)) {
    reasons.push(`the server's memory moved by more than ${memoryTolerance * 100}% after warm-up`);
  }
  if (result.serverExitCode !== 0) reasons.push(`the server exited with ${result.serverExitCode} when stopped`);
  return reasons;
}

export function printReport(result: SoakResult): void {
  const { options, tally, writes, memory } = result;
  const figures = tally.figures();
  const lines = [
    '',
    `operation        requests     req/s  errors   p50 ms   p90 ms   p99 ms   max ms`,
    ...figures.map((row) =>
      [
        row.operation.padEnd(15),
        String(row.requests).padStart(9),
        (row.requests / result.seconds).toFixed(1).padStart(9),
        String(row.errors).padStart(7),
        ...[row.p50Ms, row.p90Ms, row.p99Ms, row.maxMs].map((value) => ms(value).padStart(8)),
      ].join(' '),
    ),
    '',
    `requests:            ${tally.requests} in ${result.seconds.toFixed(1)} s (${(tally.requests / result.seconds).toFixed(0)}/s)`,
    `errors:              ${tally.errors}`,
    ...tally.firstErrors.map((error) => `  ${error}`),
    `conflicts:           ${writes.conflicts} (expected: writers sharing a profile), ${writes.retries} retried after a fresh read`,
    `writes acknowledged: ${writes.acknowledged} on ${result.ledgerProfiles} profiles by ${options.writers} writers`,
    result.ledgerProblems.length === 0
      ? `ledger check:        passed (versions without gaps or repeats, each on the version read; final state = last acknowledged write through the API and in the tables; skill counts right)`
      : `ledger check:        FAILED\n${result.ledgerProblems
          .slice(0, 20)
          .map((problem) => `  ${problem}`)
          .join('\n')}`,
    `server memory (RSS): ${mib(memory.afterWarmup)} after ${options.warmup} s of warm-up, ${mib(memory.end)} at the end ` +
      `(medians over the first and last quarter after warm-up; ` +
      `${(memoryChange(memory) * 100).toFixed(1)}%, allowed ±${memoryTolerance * 100}%); peak ${mib(memory.peak)}`,
    `server exit code:    ${result.serverExitCode}`,
  ];
  const reasons = failures(result);
  lines.push(reasons.length === 0 ? 'result:              PASS' : `result:              FAIL: ${reasons.join('; ')}`);
  console.log(lines.join('\n'));
}
