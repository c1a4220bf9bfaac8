/**
 * Runs `fn` over the items with at most `limit` in flight. A failure starts no further item; the
 * ones in flight are waited for before the first failure is thrown, so nothing sends on unawaited
 * after the caller has moved on (or shut down).
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    while (!failure && i < items.length) {
      try {
        await fn(items[i++]!);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.err;
}
