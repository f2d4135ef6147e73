import { parentPort, workerData } from 'node:worker_threads';
import { encodedBatch, rowBatchMaker, type GenerationSetup, type Range } from './row-batches';
import { buildVocabulary } from './vocabulary';

// A generator thread (see row-batches.ts): answers each range of person numbers with its rows.
const rowBatch = rowBatchMaker(workerData as GenerationSetup, buildVocabulary());
parentPort?.on('message', (range: Range) => {
  const { batch, transfer } = encodedBatch(rowBatch(range));
  parentPort?.postMessage(batch, transfer);
});
