import { setTimeout as delay } from 'node:timers/promises';
import { rssBytes } from '../benchmark/process-stats';

/** The median of the process's RSS, sampled twice a second for `seconds`. */
export async function medianRss(pid: number, seconds: number): Promise<number> {
  const samples: number[] = [];
  const until = Date.now() + seconds * 1000;
  do {
    samples.push(await rssBytes(pid));
    await delay(500);
  } while (Date.now() < until);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}
