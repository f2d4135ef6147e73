import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

// What a collector receives in OTLP's JSON encoding (trace and span ids are hex strings).

export interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}

export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 2 is SPAN_KIND_SERVER, 3 SPAN_KIND_CLIENT. */
  kind: number;
  attributes?: OtlpAttribute[];
}

interface ExportTraceServiceRequest {
  resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
}

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT should say (the exporter appends /v1/traces). */
  endpoint: string;
  /** Each export request's body, as sent. */
  bodies: string[];
  spans(): OtlpSpan[];
  resourceAttributes(): OtlpAttribute[];
  close(): Promise<void>;
}

export function attribute(attributes: OtlpAttribute[] | undefined, key: string): string | number | boolean | undefined {
  const value = attributes?.find((it) => it.key === key)?.value;
  return value?.stringValue ?? value?.intValue ?? value?.doubleValue ?? value?.boolValue;
}

/** A real OTLP/HTTP trace receiver on a free port: POST /v1/traces with JSON, answered 200 as the specification says. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      if (!req.headers['content-type']?.startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      const body = Buffer.concat(chunks);
      bodies.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'));
      // An empty ExportTraceServiceResponse: everything accepted.
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  const requests = () => bodies.map((body) => JSON.parse(body) as ExportTraceServiceRequest);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    bodies,
    spans: () =>
      requests().flatMap((request) =>
        (request.resourceSpans ?? []).flatMap((resource) => (resource.scopeSpans ?? []).flatMap((scope) => scope.spans ?? [])),
      ),
    resourceAttributes: () =>
      requests().flatMap((request) => (request.resourceSpans ?? []).flatMap((resource) => resource.resource?.attributes ?? [])),
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
