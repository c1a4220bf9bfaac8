import type { Sql } from 'postgres';

/**
 * The postgres.js client with every statement prepared (named, parsed and planned once per
 * connection), as its own tagged queries are. Drizzle sends everything through `unsafe`, which
 * postgres.js leaves unprepared, so without this Postgres parses and plans each statement of every
 * command afresh: measured with bench/ack, that made a `/followup log` cost twice the database time.
 *
 * postgres.js's own switch still wins: `?prepare=false` in DATABASE_URL turns preparing off for
 * the whole connection (needed behind a transaction-mode PgBouncer older than 1.21).
 * Transactions and savepoints hand their callback a client of their own; it is wrapped too.
 */
export function preparingStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, args as never, { ...options, prepare: true });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const open = Reflect.get(target, prop, receiver) as (...a: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: Sql) => unknown;
          return open.call(target, ...args, (inner: Sql) => callback(preparingStatements(inner)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
