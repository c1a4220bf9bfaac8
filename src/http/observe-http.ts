import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { SLOW_ACK_SECONDS, type Metrics } from '../observability/metrics.js';
import type { InFlight } from '../observability/in-flight.js';
import { requestScope } from '../slack/middleware/observe-requests.js';

const ROUTES = new Set(['/slack/events', '/leads', '/healthz', '/readyz', '/metrics']);

/**
 * Wraps the receiver's request handler (transport only): times each request to its response (the ack
 * Slack waits for), labelled with the listener the Bolt middleware names, and counts each request as
 * under way until answered, so a shutdown can let it finish.
 */
export function observeHttp(server: Server, metrics: Metrics, inFlight: InFlight): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = ROUTES.has(path) ? path : 'other';
    const scope: { listener?: string } = {};
    const started = performance.now();
    const leave = inFlight.enter();
    res.once('close', () => {
      leave();
      const seconds = (performance.now() - started) / 1000;
      const labels = { route, listener: scope.listener ?? 'none' };
      metrics.ackSeconds.observe(labels, seconds);
      if (seconds > SLOW_ACK_SECONDS && route !== '/metrics') metrics.slowAcks.inc(labels);
    });
    requestScope.run(scope, () => handlers.forEach((h) => h.call(server, req, res)));
  });
}
