import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Database } from '../db/client.js';
import type { Metrics } from '../observability/metrics.js';

const send = (res: ServerResponse, status: number, body: object) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * /healthz: the process is alive. /readyz: the database answers and the process is not shutting down
 * (else 503, so a balancer routes elsewhere). /metrics: Prometheus.
 */
export function healthRoutes(database: Database, metrics: Metrics, state: { stopping: boolean }): CustomRoute[] {
  return [
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.registry.contentType });
            res.end(text);
          },
          (err: Error) => send(res, 500, { error: err.message }),
        );
      },
    },
    { path: '/healthz', method: ['GET'], handler: (_req, res) => send(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        if (state.stopping) return send(res, 503, { status: 'stopping' });
        withTimeout(database.ping(), 2000).then(
          () => send(res, 200, { status: 'ready', database: 'ok' }),
          (err: Error) => send(res, 503, { status: 'unavailable', database: err.message }),
        );
      },
    },
  ];
}
