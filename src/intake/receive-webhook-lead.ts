import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { DomainError } from '../db/errors.js';
import { receiveLead } from '../db/ops/receive-lead.js';
import { openWebhookSecrets, validSecrets } from '../db/ops/webhook-secret.js';
import { teamById } from '../db/queries/team-by-id.js';
import type { TeamClients } from '../outbound/team-clients.js';
import type { Keyring } from '../secrets/keyring.js';
import { createOwnerResolver } from './resolve-owner.js';
import { verifyWebhookSignature } from './webhook-signature.js';
import { fieldErrors, webhookLeadBody } from './webhook-lead-body.js';

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
  /** A lead its owner must hear about now (R2). */
  arrival?: { teamId: string; leadId: string };
}

export interface LeadWebhookDeps {
  db: Db;
  /** The team's client looks owners up by e-mail or id; a team with none names only reps already known. */
  clients: TeamClients;
  logger: Logger;
  now: () => Date;
  /** Opens the teams' secrets when they are stored sealed; null when no keys are configured. */
  keyring: Keyring | null;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const UNAUTHORIZED = (reason: string): WebhookAnswer => ({ status: 401, body: { error: 'unauthorized', reason } });

/**
 * POST /leads: authenticate with the team's secret, validate, name the owner, store.
 * Every refusal writes nothing.
 */
export async function handleLeadWebhook(deps: LeadWebhookDeps, headers: IncomingHttpHeaders, rawBody: Buffer): Promise<WebhookAnswer> {
  const now = deps.now();
  const teamId = header(headers, 'x-followup-team') ?? '';
  if (!/^[TE][A-Z0-9]{1,20}$/.test(teamId)) return UNAUTHORIZED('X-Followup-Team must be your Slack team id (T…)');
  const team = await teamById(deps.db, teamId);
  // An unknown team, one without a secret or an uninstalled one reads as a bad signature: no oracle.
  const secrets = team && !team.uninstalledAt ? validSecrets(openWebhookSecrets(team, deps.keyring), now) : [];
  const check = verifyWebhookSignature({
    secrets,
    timestamp: header(headers, 'x-followup-timestamp'),
    signature: header(headers, 'x-followup-signature'),
    rawBody,
    nowMs: now.getTime(),
  });
  if (!check.ok) return UNAUTHORIZED(check.reason);

  if (!/^application\/json\s*(;|$)/i.test(header(headers, 'content-type') ?? '')) {
    return { status: 415, body: { error: 'unsupported_media_type', reason: 'send Content-Type: application/json' } };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'invalid_body', fields: { body: 'not valid JSON' } } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { status: 400, body: { error: 'invalid_body', fields: { body: 'must be a JSON object' } } };
  }
  const parsed = webhookLeadBody.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: 'invalid_body', fields: fieldErrors(parsed.error) } };
  const lead = parsed.data;

  let ownerId: string | null = null;
  let ownerNote: string | undefined;
  if (lead.owner) {
    const client = (await deps.clients.forTeam(teamId))?.client ?? null;
    const resolver = createOwnerResolver({ db: deps.db, teamId, client, logger: deps.logger, now: deps.now });
    const owner = await resolver.resolve(lead.owner);
    if ('userId' in owner) ownerId = owner.userId;
    // A lead is never lost for a stale owner field: it goes round-robin, and the caller is told.
    else ownerNote = `owner not used: ${owner.error}; assigned round-robin`;
  }

  try {
    const result = await receiveLead(deps.db, {
      teamId,
      ownerId,
      name: lead.name,
      company: lead.company,
      email: lead.email,
      phone: lead.phone,
      tier: lead.tier ?? null,
      value: lead.value ?? null,
      source: lead.source,
      note: lead.note,
      referredBy: lead.referred_by,
      externalId: lead.external_id,
      requestKey: header(headers, 'x-followup-signature')!,
      now,
    });
    const body = { id: result.lead.id, owner: result.lead.ownerId, status: result.status, ...(ownerNote ? { owner_note: ownerNote } : {}) };
    if (result.status === 'existing') return { status: 200, body: { ...body, matched_by: result.matchedBy } };
    return { status: 201, body: { ...body, assigned: result.assigned }, arrival: { teamId, leadId: result.lead.id } };
  } catch (err) {
    if (err instanceof DomainError) {
      return { status: err.code === 'invalid' ? 422 : 409, body: { error: err.code, reason: err.message } };
    }
    throw err;
  }
}
