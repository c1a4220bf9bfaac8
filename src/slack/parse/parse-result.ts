// What every parser of typed text returns: the value, or the reason shown to the user.
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };
export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** "a, b or c": the choices named in an error message. */
export const orList = (items: readonly string[]) => `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
