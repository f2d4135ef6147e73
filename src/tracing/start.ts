import { startTracing } from '.';

// main.ts imports this before anything else: OpenTelemetry's instrumentations patch express, pg
// and graphql when they are first required, so the SDK must be running by then.
export const tracing = startTracing(process.env);
