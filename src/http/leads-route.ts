import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { handleLeadWebhook, type LeadWebhookDeps } from '../intake/receive-webhook-lead.js';

// Request bodies are limited to 256 KB: a lead is a few fields, never a file.
export const LEADS_BODY_LIMIT = 256 * 1024;

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained unread, so the 413 can still be answered; far past it the
      // connection is cut.
      if (size > limit * 16) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new TooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const send = (res: ServerResponse, status: number, body: object) => {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** POST /leads: transport only; the work is in intake/receive-webhook-lead. */
export function leadsRoute(deps: LeadWebhookDeps & { onArrival?: (teamId: string, leadId: string) => void }): CustomRoute {
  return {
    path: '/leads',
    method: ['POST'],
    handler: (req, res) => {
      readBody(req, LEADS_BODY_LIMIT)
        .then((raw) => handleLeadWebhook(deps, req.headers, raw))
        .then((answer) => {
          send(res, answer.status, answer.body);
          deps.logger.info({ route: 'POST /leads', team: req.headers['x-followup-team'], status: answer.status }, 'lead webhook');
          if (answer.arrival) deps.onArrival?.(answer.arrival.teamId, answer.arrival.leadId);
        })
        .catch((err: Error) => {
          if (err instanceof TooLarge) return send(res, 413, { error: 'too_large', reason: 'the body is limited to 256 KB' });
          deps.logger.error({ route: 'POST /leads', err }, 'lead webhook failed');
          send(res, 503, { error: 'unavailable', reason: 'the lead could not be stored; try again in a minute' });
        });
    },
  };
}
