import type { IncomingMessage } from 'node:http';

// The GraphQL endpoint's own reader of JSON request bodies, for the requests it reads itself (see
// graphql-posts.ts): what express.json() (body-parser, strict) does for a plain UTF-8 JSON body,
// answering the same statuses. Requests this reader is not sure of go through express as before.

/** What can be wrong with a body, and how the service answers it (the same whoever read the body). */
export const bodyProblems = {
  tooLarge: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this server accepts' },
  notJson: { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  notUtf8: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body must be UTF-8 JSON' },
  unreadable: { status: 400, code: 'BAD_REQUEST', message: 'The request could not be read' },
} as const;

export type BodyProblem = keyof typeof bodyProblems;

export type JsonBody = { ok: true; value: unknown } | { ok: false; problem: BodyProblem };

/** `application/json`, with no parameter but charset=utf-8: what this reader decodes exactly as body-parser would. */
function isPlainJsonType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mediaType, ...parameters] = contentType.split(';');
  if (mediaType?.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(parameter));
}

/**
 * Whether the body is one this reader handles: plain UTF-8 JSON, not compressed, and present
 * (a length or chunks). Everything else (gzip, another charset, no body at all) is express.json()'s.
 */
export function isPlainJsonBody(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return (
    isPlainJsonType(req.headers['content-type']) &&
    (encoding === undefined || encoding.trim().toLowerCase() === 'identity') &&
    (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined)
  );
}

// body-parser's strict mode: only an object or an array, after JSON's own whitespace.
const firstCharacter = /^[ \t\n\r]*([^ \t\n\r])/;

function parse(text: string): JsonBody {
  // As iconv-lite, which body-parser decodes with, a byte-order mark is not part of the text.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.length === 0) return { ok: true, value: {} };
  const first = firstCharacter.exec(json)?.[1];
  if (first !== '{' && first !== '[') return { ok: false, problem: 'notJson' };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, problem: 'notJson' };
  }
}

/** Reads the whole body, refusing more than `limit` bytes (before reading, when Content-Length says so). */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBody> {
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  if (declared !== undefined && declared > limit) return Promise.resolve({ ok: false, problem: 'tooLarge' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (body: JsonBody) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        // As raw-body: stop reading; the connection closes after the answer.
        req.pause();
        return finish({ ok: false, problem: 'tooLarge' });
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (declared !== undefined && received !== declared) return finish({ ok: false, problem: 'unreadable' });
      finish(parse(Buffer.concat(chunks, received).toString('utf8')));
    };
    const onError = () => finish({ ok: false, problem: 'unreadable' });
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}
