/** One signal aborted when any of the given ones is (unset ones are left out). */
export const anySignal = (...signals: (AbortSignal | undefined)[]): AbortSignal => AbortSignal.any(signals.filter((s): s is AbortSignal => !!s));
