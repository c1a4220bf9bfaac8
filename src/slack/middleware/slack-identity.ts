/** The workspace a request comes from and the person who acted, when someone did. */
export interface SlackIdentity {
  teamId?: string;
  userId?: string;
}

type Payload = {
  command?: string;
  type?: string;
  team_id?: string;
  user_id?: string;
  authorizations?: { team_id?: string | null }[];
  team?: { id?: string } | null;
  user?: { id?: string; team_id?: string } | string;
  view?: { team_id?: string; app_installed_team_id?: string };
  event?: { user?: unknown; bot_id?: string };
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Reads team and user the one way every listener and middleware uses, from any request Bolt passes
 * on: a slash command, an Events API envelope, or an interactive payload (buttons, selects' options,
 * modal submissions, shortcuts). The team is the workspace the app is installed in, as Bolt reads it.
 */
export function slackIdentity(body: unknown): SlackIdentity {
  const b = (body ?? {}) as Payload;
  if (b.command !== undefined) return { teamId: text(b.team_id), userId: text(b.user_id) };
  if (b.type === 'event_callback') {
    const event = b.event ?? {};
    // A bot's message (ours echoed back, or another app's) is no rep acting; app_uninstalled and
    // tokens_revoked name no one at all.
    const userId = event.bot_id ? undefined : text(event.user);
    return { teamId: text(b.authorizations?.[0]?.team_id) ?? text(b.team_id), userId };
  }
  const user = typeof b.user === 'object' && b.user ? b.user : {};
  return {
    // A modal opened from a Slack Connect channel names the installing workspace on the view.
    teamId: text(b.view?.app_installed_team_id) ?? text(b.team?.id) ?? text(user.team_id) ?? text(b.view?.team_id),
    userId: text(user.id),
  };
}
