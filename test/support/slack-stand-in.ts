import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { dmChannelId, startSlackStandIn as startStandIn, type RecordedCall, type Refusal, type SlackStandIn, type StandInOptions } from '../../src/demo/slack-stand-in.js';

export type { RecordedCall, SlackStandIn, StandInOAuthApp, StandInTeam, StandInUser } from '../../src/demo/slack-stand-in.js';

/** Slack's published references live beside the checkout, never in it. */
export const slackReferenceDir = process.env.SLACK_REFERENCE_DIR ?? resolve(packageRoot(), '..', 'shared', 'slack-reference');
export const slackReferenceAvailable = (): boolean => existsSync(join(slackReferenceDir, 'slack_web_openapi_v2.json'));

// Methods newer than the 2020 OpenAPI description.
const NEWER_METHODS = new Set(['files.getUploadURLExternal', 'files.completeUploadExternal']);

interface Contract {
  required: Map<string, string[]>;
}

let contract: Contract | null | undefined;
function loadContract(): Contract | null {
  if (contract !== undefined) return contract;
  if (!slackReferenceAvailable()) {
    console.warn(`Slack's OpenAPI description is not at ${slackReferenceDir}: the stand-in does not check calls against it.`);
    return (contract = null);
  }
  const spec = JSON.parse(readFileSync(join(slackReferenceDir, 'slack_web_openapi_v2.json'), 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>>;
  };
  const required = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(spec.paths)) {
    const names = new Set<string>();
    for (const op of Object.values(ops)) {
      // Arguments are form fields or query parameters; the token travels as an Authorization: Bearer
      // header, whatever the description says.
      for (const p of op.parameters ?? []) if (p.required && p.name !== 'token' && (p.in === 'formData' || p.in === 'query')) names.add(p.name);
    }
    required.set(path.replace(/^\//, ''), [...names]);
  }
  return (contract = { required });
}

/** Holds a call to Slack's OpenAPI description: the method exists and its required arguments are there. */
function checkAgainstContract(checks: Contract, method: string, args: Record<string, unknown>): Refusal | null {
  if (NEWER_METHODS.has(method)) return null;
  const required = checks.required.get(method);
  if (!required) return { error: 'unknown_method', violation: `${method}: no such method in Slack's Web API` };
  const missing = required.filter((name) => args[name] === undefined || args[name] === '');
  return missing.length ? { error: 'invalid_arguments', violation: `${method}: missing required ${missing.join(', ')}` } : null;
}

/** The app's Slack stand-in (src/demo), with every call checked against Slack's OpenAPI description. */
export function startSlackStandIn(opts: Omit<StandInOptions, 'check'> = {}): Promise<SlackStandIn> {
  const checks = loadContract();
  return startStandIn({ ...opts, ...(checks ? { check: (method, args) => checkAgainstContract(checks, method, args) } : {}) });
}

/** The messages posted into a user's DM channel (conversations.open gives D<id> for U<id>). */
export const dmsTo = (slack: SlackStandIn, userId: string): RecordedCall[] =>
  slack.callsOf('chat.postMessage').filter((c) => c.args.channel === dmChannelId(userId));

/** DMs received per rep: each post into a D<id> channel counts for U<id>. */
export const dmsPerRep = (slack: SlackStandIn): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const c of slack.callsOf('chat.postMessage')) {
    const rep = `U${String(c.args.channel).slice(1)}`;
    counts.set(rep, (counts.get(rep) ?? 0) + 1);
  }
  return counts;
};
