// The coaching rules R1–R15 (docs/rules.md) as pure functions: no Slack, no database, the clock passed in.
export * from './types.js';
export * from './cadence.js';
export * from './due.js';
export * from './labels.js';
export * from './likelihood.js';
export * from './local-day.js';
export * from './priority.js';
export * from './queue.js';
export * from './stalled.js';
export * from './warnings.js';
export * from './temp-shim-14.js';
