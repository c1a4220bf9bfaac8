/** The demo's clock: it runs on in real time from wherever the story last set it. */
export interface SettableClock {
  now(): Date;
  set(at: Date): void;
}

export function settableClock(start: Date): SettableClock {
  let offset = 0;
  const set = (at: Date) => {
    offset = at.getTime() - Date.now();
  };
  set(start);
  return { now: () => new Date(Date.now() + offset), set };
}
