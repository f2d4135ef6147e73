import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generatePerson } from './people';
import { personRows, type CopyTable, type IdBases } from './rows';
import { buildVocabulary, type Vocabulary } from './vocabulary';

/** Everything a generator needs besides the person numbers; plain data, so threads can share it. */
export interface GenerationSetup {
  seed: number;
  bases: IdBases;
  /** The skill id of each catalogue entry. */
  skillIds: number[];
  /** Lower-cased handles of the people who stay. */
  takenHandles: string[];
}

/** The COPY text of a run of people, per table: as generated, or encoded (see `encodedBatch`). */
export type RowBatch = Record<CopyTable, string | Uint8Array>;

export interface Range {
  first: number;
  last: number;
}

// Rows go to the streams this many people at a time: fewer, larger writes and messages.
const peoplePerBatch = 250;

function ranges(count: number): Range[] {
  return Array.from({ length: Math.ceil(count / peoplePerBatch) }, (_, i) => ({
    first: i * peoplePerBatch + 1,
    last: Math.min(count, (i + 1) * peoplePerBatch),
  }));
}

/** Generates any range of people as rows. */
export function rowBatchMaker(setup: GenerationSetup, vocabulary: Vocabulary): (range: Range) => RowBatch {
  const taken = new Set(setup.takenHandles);
  const options = { seed: setup.seed, isHandleTaken: (handle: string) => taken.has(handle) };
  return ({ first, last }) => {
    const batch: Record<CopyTable, string> = { person: '', role: '', degree: '', person_skill: '' };
    for (let n = first; n <= last; n++) {
      const rows = personRows(generatePerson(n, vocabulary, options), n, setup.bases, setup.skillIds);
      batch.person += rows.person;
      batch.role += rows.role;
      batch.degree += rows.degree;
      batch.person_skill += rows.person_skill;
    }
    return batch;
  };
}

/**
 * A batch as UTF-8 bytes, with the buffers to transfer (not copy) to another thread. Encoding here,
 * in the generator thread, spares the main thread both the copy of every string that posting it
 * would make and encoding it for the socket: at 100k people those were some 4 s of its CPU, on a
 * machine where the main thread, the generators and PostgreSQL share two cores.
 */
export function encodedBatch(batch: Record<CopyTable, string | Uint8Array>): {
  batch: Record<CopyTable, Uint8Array>;
  transfer: ArrayBuffer[];
} {
  const encoder = new TextEncoder();
  const encode = (text: string | Uint8Array) => (typeof text === 'string' ? encoder.encode(text) : text);
  const encoded = {
    person: encode(batch.person),
    role: encode(batch.role),
    degree: encode(batch.degree),
    person_skill: encode(batch.person_skill),
  };
  return { batch: encoded, transfer: Object.values(encoded).map((bytes) => bytes.buffer as ArrayBuffer) };
}

// Built to JavaScript next to this file; absent when running from TypeScript sources (jest).
const workerFile = join(__dirname, 'generate-worker.js');

/**
 * People 1..count as row batches, in order. Generation is most of a load's work in this process,
 * and each person depends only on their number and the seed: with `threads` > 0 (and a build to
 * run them from) worker threads generate batches side by side, else this thread does.
 */
export function rowBatches(setup: GenerationSetup, count: number, threads: number): AsyncIterable<RowBatch> {
  return threads > 0 && existsSync(workerFile) ? inWorkers(setup, count, threads) : inThisThread(setup, count);
}

async function* inThisThread(setup: GenerationSetup, count: number): AsyncGenerator<RowBatch> {
  const rowBatch = rowBatchMaker(setup, buildVocabulary());
  for (const range of ranges(count)) yield rowBatch(range);
}

/** A worker thread that answers ranges with batches, in the order asked. */
class GeneratorThread {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (batch: RowBatch) => void; reject: (error: unknown) => void }[] = [];

  constructor(setup: GenerationSetup) {
    this.worker = new Worker(workerFile, { workerData: setup });
    this.worker.on('message', (batch: RowBatch) => this.waiting.shift()?.resolve(batch));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`generator thread exited with code ${code}`)));
  }

  generate(range: Range): Promise<RowBatch> {
    const answer = new Promise<RowBatch>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage(range);
    return answer;
  }

  private failAll(error: unknown): void {
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

async function* inWorkers(setup: GenerationSetup, count: number, threads: number): AsyncGenerator<RowBatch> {
  const workers = Array.from({ length: threads }, () => new GeneratorThread(setup));
  const all = ranges(count);
  const pending: Promise<RowBatch>[] = [];
  let next = 0;
  const ask = () => {
    const answer = (workers[next % threads] as GeneratorThread).generate(all[next] as Range);
    // Awaited in turn below; until then a failure must not count as unhandled.
    answer.catch(() => {});
    pending.push(answer);
    next++;
  };
  try {
    // Two batches per thread in flight: each always has the next one to work on.
    while (next < all.length && pending.length < threads * 2) ask();
    while (pending.length) {
      const batch = await (pending.shift() as Promise<RowBatch>);
      if (next < all.length) ask();
      yield batch;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
