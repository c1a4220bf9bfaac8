/**
 * What must not reach a log line: tokens, and the values a failed query was bound to — a lead's
 * name, e-mail or phone. The logger passes everything it writes through `scrub`.
 */

const TOKEN_PATTERN = /xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

// Drizzle's DrizzleQueryError reads `Failed query: <sql>\nparams: <values>`. Values may hold newlines,
// so everything after `params:` goes (also when the message was quoted into JSON or another text),
// unless it is already masked: text is scrubbed again on its way out, and a stack keeps its frames.
const QUERY_PARAMS = /(Failed query: [\s\S]*?(?:\n|\\n))params: (?!\[Redacted\](?:(?:\n|\\n) {4}at |$))[\s\S]*$/;

// Error fields that carry bound values or the row itself: Drizzle's and PGlite's params, postgres.js's
// parameters/args (enumerable in debug mode), PGlite's queryOptions, the server's detail ("Failing row
// contains (…)", "Key (email)=(…)") and where ("portal parameter $4 = '…'"). `query` repeats the SQL.
const VALUE_FIELDS = new Set(['params', 'parameters', 'args', 'types', 'queryOptions', 'query', 'detail', 'where', 'internalQuery']);

// A server error quotes the offending value at the end: `invalid input syntax for type numeric: "…"`.
const QUOTED_VALUE = /: "[\s\S]*"$/;

const MAX_DEPTH = 8;

// The app's own secrets, by value: libraries log request bodies at debug (WebClient masks only keys
// naming a token), and oauth.v2.access carries the client secret. Set from the environment at start.
let configuredSecrets: string[] = [];
// Shorter values would mask ordinary words; Slack's secrets and the keys are far longer.
const MIN_MASKED_LENGTH = 8;

// The OAuth exchange's fields, as JSON (WebClient's "http request body") or a form or query string.
const CLIENT_SECRET_FIELD = /("client_secret"\s*:\s*)"(?:[^"\\]|\\.)*"|(\bclient_secret=)[^&\s"'\\]*/g;
// The one-time code: in the redirect URL's query, and beside the client secret in the exchange's body
// (only there: elsewhere a "code" field is an error's code, which the operator needs).
const CODE_IN_QUERY = /([?&]code=)[^&\s"'\\#]*/g;
const CODE_FIELD = /("code"\s*:\s*)"(?:[^"\\]|\\.)*"|(\bcode=)[^&\s"'\\]*/g;

/** The values masked wherever they appear (the client, state and signing secrets, the encryption keys). */
export function setConfiguredSecrets(values: readonly (string | undefined)[]): void {
  const kept = values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_MASKED_LENGTH);
  // Longest first, so a value containing another is masked whole.
  configuredSecrets = [...new Set(kept)].sort((a, b) => b.length - a.length);
}

const maskField = (_: string, json: string | undefined, form: string | undefined) => (json !== undefined ? `${json}"[Redacted]"` : `${form}[Redacted]`);

/** Secrets can also hide inside free text (an error message quoting a token); mask them there too. */
export function maskSecrets(text: string): string {
  let out = text.replace(TOKEN_PATTERN, '[Redacted]');
  for (const secret of configuredSecrets) out = out.split(secret).join('[Redacted]');
  if (out.includes('client_secret')) out = out.replace(CLIENT_SECRET_FIELD, maskField).replace(CODE_FIELD, maskField);
  return out.replace(CODE_IN_QUERY, '$1[Redacted]');
}

export function scrubText(text: string): string {
  return maskSecrets(text).replace(QUERY_PARAMS, '$1params: [Redacted]');
}

/** A copy of any logged value with secrets and query values taken out; errors become plain objects. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[Truncated]';
  if (value instanceof Error) return serializeError(value, depth);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  // Dates, Buffers and the like print as they are.
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/** Like pino's error serializer, but the cause stays its own object, so the server's code and message survive. */
export function serializeError(err: Error, depth = 0): Record<string, unknown> {
  const fields = err as unknown as Record<string, unknown>;
  const raw = typeof err.message === 'string' ? err.message : String(err.message);
  const isServerError = typeof fields.severity === 'string' && typeof fields.code === 'string';
  const message = scrubText(isServerError ? raw.replace(QUOTED_VALUE, ': "[Redacted]"') : raw);
  const out: Record<string, unknown> = { type: err.constructor?.name || err.name, message };
  if (typeof err.stack === 'string') out.stack = scrubText(raw && err.stack.includes(raw) ? err.stack.replace(raw, () => message) : err.stack);
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'cause' || VALUE_FIELDS.has(key) || key in out) continue;
    out[key] = scrub(value, depth + 1);
  }
  if (err.cause !== undefined) out.cause = scrub(err.cause, depth + 1);
  // AggregateError's list is not enumerable (a refused connection to each of a host's addresses).
  if (err instanceof AggregateError) out.aggregateErrors = scrub(err.errors, depth + 1);
  return out;
}
