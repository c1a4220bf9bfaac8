/** A refusal the user should read: nothing was written. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: 'duplicate_name' | 'not_found' | 'closed' | 'duplicate_request' | 'invalid',
  ) {
    super(message);
  }
}

/** Postgres unique_violation, as raised by postgres.js and PGlite alike (possibly wrapped by Drizzle). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: any = err; e; e = e.cause) {
    if (e.code === '23505' && (!constraint || e.constraint === constraint || e.constraint_name === constraint)) return true;
  }
  return false;
}
