/** A failure the operator should read as one line: no stack trace (exit code 2). */
export class UsageError extends Error {}
