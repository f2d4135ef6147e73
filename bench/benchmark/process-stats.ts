import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

// Read from /proc, outside the measured process, so that measuring costs it nothing.

export interface ProcessSample {
  /** User plus system CPU time since the process started. */
  cpuSeconds: number;
  /** The most resident memory the process has had (VmHWM). */
  peakRssBytes: number;
}

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces; the fields after it are fixed: utime and
  // stime are the 14th and 15th of the whole line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

async function statusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
  if (kib === undefined) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

const peakRssBytes = (pid: number) => statusBytes(pid, 'VmHWM');

/** The process's resident memory now (VmRSS). */
export const rssBytes = (pid: number) => statusBytes(pid, 'VmRSS');

export async function sampleProcess(pid: number): Promise<ProcessSample> {
  return { cpuSeconds: await cpuSeconds(pid), peakRssBytes: await peakRssBytes(pid) };
}

/**
 * CPU time of every PostgreSQL process on this machine (backends of all servers measured, and the
 * background workers): the database's share of a request, which the servers' own CPU leaves out.
 * Only meaningful when the database runs here, as the benchmark's own does.
 */
export async function postgresCpuSeconds(): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readFile(`/proc/${entry}/comm`, 'utf8')).trim() === 'postgres') total += await cpuSeconds(Number(entry));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}
