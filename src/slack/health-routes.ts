import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Database } from '../db/client.js';

const send = (res: ServerResponse, status: number, body: object) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** /healthz: the process is alive. /readyz: the database answers (else 503, so a balancer routes elsewhere). */
export function healthRoutes(database: Database): CustomRoute[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => send(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        withTimeout(database.ping(), 2000).then(
          () => send(res, 200, { status: 'ready', database: 'ok' }),
          (err: Error) => send(res, 503, { status: 'unavailable', database: err.message }),
        );
      },
    },
  ];
}
