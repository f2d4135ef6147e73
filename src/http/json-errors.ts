import type { ServerResponse } from 'node:http';
import { bodyProblems, type BodyProblem } from './json-body';
import { scopeOf } from './request-observation';

/**
 * A GraphQL-shaped error answer for requests that never reach GraphQL (or routes beside it), in
 * node's own terms so that express's routes and the GraphQL endpoint's reader answer alike.
 */
export function sendErrors(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  scopeOf(res)?.errorCodes.push(code);
  res.statusCode = status;
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The answer to a body that could not be taken (`status`: a 4xx of the reader's own, for `unreadable`). */
export function sendBodyProblem(res: ServerResponse, problem: BodyProblem, status: number = bodyProblems[problem].status): void {
  sendErrors(res, status, bodyProblems[problem].code, bodyProblems[problem].message);
}
