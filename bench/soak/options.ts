import { parseArgs } from 'node:util';

export interface SoakOptions {
  /** Seconds of load, the warm-up included. */
  duration: number;
  /** Seconds before the server's memory is taken as the baseline. */
  warmup: number;
  /** Connections sending reads. */
  connections: number;
  /** Synthetic profiles besides the seed profile. */
  people: number;
  /** Concurrent writers. */
  writers: number;
  /** Profiles the writers edit (their owners' tokens); fewer profiles than writers means conflicts. */
  profiles: number;
}

const usage = `npm run soak -- [--duration 60] [--warmup 20] [--connections 16] [--people 200] [--writers 8] [--profiles 4]`;

function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number of at least 1, not ${value}\n${usage}`);
  return number;
}

export function parseSoakOptions(args: string[]): SoakOptions | null {
  const { values } = parseArgs({
    args,
    options: {
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '16' },
      people: { type: 'string', default: '200' },
      writers: { type: 'string', default: '8' },
      profiles: { type: 'string', default: '4' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return null;
  }
  const duration = positiveInteger('duration', values.duration);
  // A third of the run, at most a minute: V8 grows its heap for the first tens of seconds of load
  // (longer on a busy machine) before it settles; memory measured earlier than that is not a baseline.
  const warmup = values.warmup === undefined ? Math.min(60, Math.ceil(duration / 3)) : positiveInteger('warmup', values.warmup);
  if (warmup >= duration) throw new Error(`--warmup (${warmup} s) must be shorter than --duration (${duration} s)`);
  const options = {
    duration,
    warmup,
    connections: positiveInteger('connections', values.connections),
    people: positiveInteger('people', values.people),
    writers: positiveInteger('writers', values.writers),
    profiles: positiveInteger('profiles', values.profiles),
  };
  if (options.profiles > options.people) throw new Error(`--profiles (${options.profiles}) cannot exceed --people (${options.people})`);
  return options;
}
