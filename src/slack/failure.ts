import type { Logger } from 'pino';
import { DomainError } from '../db/errors.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { FORGET_INSTALL_ERRORS, slackErrorCode } from '../outbound/slack-errors.js';
import { DATABASE_DOWN, refuse, UNEXPECTED } from './reply.js';
import { surfaceOf, tell, type SurfaceArgs, type SurfaceKind, type TellOptions } from './surface.js';

/**
 * A refusal a listener decides on itself (who may do what, what a form needs): its message is for
 * the rep as it stands; `field` names the form block it belongs to.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** What went wrong, as far as the rep is concerned. */
export type Failure =
  | { kind: 'refused'; message: string; field?: string }
  | { kind: 'duplicate'; message: string }
  | { kind: 'database' }
  | { kind: 'unexpected' };

export function classifyFailure(err: unknown): Failure {
  // First: whatever else it looks like, an outage is never told as a refusal.
  if (isDatabaseUnavailable(err)) return { kind: 'database' };
  if (err instanceof Refusal) return { kind: 'refused', message: err.message, ...(err.field ? { field: err.field } : {}) };
  if (err instanceof DomainError) {
    return err.code === 'duplicate_request' ? { kind: 'duplicate', message: err.message } : { kind: 'refused', message: err.message };
  }
  return { kind: 'unexpected' };
}

/** Where the failure happened, for the log line and the usage hint. */
export interface FailureScope {
  /** The `/followup` subcommand: a refusal shows its usage line. */
  sub?: string;
  /** A button on a command's reply answers in the command's words, in that reply's place. */
  replaceOriginal?: boolean;
  /** The form block a refusal without a field of its own is shown on. */
  field?: string;
  /** The listener has acked already. */
  acked?: boolean;
}

/** Outages are warned about, the unknown logged with its stack (the logger redacts secrets); refusals are the rep's business. */
function logFailure(logger: Logger, surface: SurfaceKind, failure: Failure, err: unknown, scope: FailureScope): void {
  const where = scope.sub ? { sub: scope.sub } : {};
  if (failure.kind === 'database') logger.warn({ surface, ...where, err }, 'database unavailable');
  if (failure.kind === 'unexpected') logger.error({ surface, ...where, err }, `${surface} failed`);
  // An event has no one to tell: even a refusal is only noted.
  if (surface === 'event' && (failure.kind === 'refused' || failure.kind === 'duplicate')) logger.info({ surface, reason: failure.message }, 'event refused');
}

/** The words for a failure on a surface; a command's refusals carry its usage line. */
export function failureText(surface: SurfaceKind, failure: Failure, scope: FailureScope = {}): string {
  if (failure.kind === 'database') return DATABASE_DOWN;
  if (failure.kind === 'unexpected') return UNEXPECTED;
  const asCommand = surface === 'command' || (surface === 'button' && scope.replaceOriginal);
  if (!asCommand) return failure.message;
  return failure.kind === 'duplicate' ? `:information_source: ${failure.message}` : refuse(failure.message, scope.sub).text;
}

/** A command's failure as its reply (the command's own answer sends it, within or past the ack budget). */
export function commandFailure(err: unknown, logger: Logger, scope: FailureScope = {}): { text: string } {
  const failure = classifyFailure(err);
  logFailure(logger, 'command', failure, err, scope);
  return { text: failureText('command', failure, scope) };
}

/** How a form answers a failure: field errors while it is open, else it closes (or has) and a DM says why. */
export type FormAnswer = { errors: Record<string, string> } | { dm: string } | { silent: true };

export function formFailure(failure: Failure, scope: FailureScope): FormAnswer {
  // A repeated submission was handled the first time: the form just closes.
  if (failure.kind === 'duplicate') return { silent: true };
  const text = failureText('modal', failure, scope);
  const field = failure.kind === 'refused' ? (failure.field ?? scope.field) : undefined;
  if (!field) return { dm: text };
  return scope.acked ? { dm: `:warning: Nothing was saved: ${text}` } : { errors: { [field]: text } };
}

/**
 * The one failure handler: known failures (the database away, a refusal, a repeated request) are
 * answered on the surface the rep used; anything else is logged with its stack and answered as our
 * fault. Events answer no one: they are logged only.
 */
export async function answerFailure(args: SurfaceArgs, logger: Logger, err: unknown, scope: FailureScope = {}): Promise<void> {
  const surface = surfaceOf(args.body);
  const failure = classifyFailure(err);
  logFailure(logger, surface, failure, err, scope);
  if (failure.kind === 'unexpected' && FORGET_INSTALL_ERRORS.has(slackErrorCode(err))) args.context?.tokenRefused?.();
  const opts: TellOptions = { ...(scope.acked ? { acked: true } : {}), ...(scope.replaceOriginal ? { replaceOriginal: true } : {}) };
  if (surface !== 'modal') return tell(args, logger, failureText(surface, failure, scope), opts);
  const answer = formFailure(failure, scope);
  if ('errors' in answer) return void (await args.ack?.({ response_action: 'errors', errors: answer.errors }));
  if ('silent' in answer) return void (await (scope.acked ? undefined : args.ack?.()));
  return tell(args, logger, answer.dm, opts);
}
