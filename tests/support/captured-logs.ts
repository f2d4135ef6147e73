import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** A real pino logger whose JSON lines are kept for assertions. */
export function captureLogs(): { logger: Logger; lines: Record<string, unknown>[]; text: () => string } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines, text: () => raw.join('') };
}
