// Installs the app does not take (docs/architecture.md#installations). Thrown while storing an install,
// so Bolt's failure callback shows the page that says why.

export const REFUSAL_REASONS = ['org_wide', 'token_rotation', 'team_not_allowed', 'no_bot'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export class InstallRefused extends Error {
  /** Bolt's failure callback reads a coded error; this code is the app's own. */
  readonly code = 'followup_install_refused';
  constructor(readonly reason: RefusalReason) {
    super(`install refused: ${reason}`);
  }
}
