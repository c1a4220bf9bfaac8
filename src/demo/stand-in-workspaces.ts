// The workspaces the Slack stand-in plays, and which bot token works for which of them.
//
// With no `teams` given it plays one workspace and takes any token, as the single-workspace app
// needs. With `teams` it plays several, each with a bot token of its own, and checks every call:
// the token must be one it issued and still live, and it must belong to the team the call concerns
// (the user it names, the DM channel it posts in). Slack itself would answer a foreign user with
// user_not_found; the stand-in answers invalid_auth and notes a violation, so a mix-up is loud.

export interface StandInUser {
  id: string;
  tz?: string;
  tz_offset?: number;
  is_admin?: boolean;
  is_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  real_name?: string;
  name?: string;
  email?: string;
  deleted?: boolean;
}

/** How the next install of a team answers oauth.v2.access: as a plain workspace install, org-wide, or with token rotation on. */
export type InstallKind = 'workspace' | 'org-wide' | 'rotating';

export interface StandInTeam {
  teamId: string;
  teamName?: string;
  /** The bot token the team's first install gets. */
  botToken: string;
  botUserId?: string;
  botId?: string;
  /** Set when the workspace belongs to an Enterprise Grid org. */
  enterpriseId?: string;
  users?: StandInUser[];
  /** false: the app is not installed yet, so no token works until an install issues one. Default true. */
  installed?: boolean;
}

export interface Workspace {
  teamId: string;
  teamName: string;
  enterpriseId: string | null;
  botUserId: string;
  botId: string;
  users: Map<string, StandInUser>;
  /** The bot token that works now; null while the app is not installed. */
  liveToken: string | null;
  installKind: InstallKind;
  /** Who clicks "Allow" on the authorize page; the first user given by default. */
  installer: string | undefined;
}

export type TokenCheck = { ok: true; workspace: Workspace } | { ok: false; error: string; violation?: string };

/** The user ids a call names: whom it asks about, opens a DM with, or posts to (a DM channel D<x> is user U<x>'s). */
function usersNamed(args: Record<string, unknown>): string[] {
  const ids = [args.user, args.user_id, ...String(args.users ?? '').split(',')];
  const channel = String(args.channel ?? '');
  if (/^D\w+$/.test(channel)) ids.push(`U${channel.slice(1)}`);
  return ids.filter((id): id is string => typeof id === 'string' && /^[UW]\w+$/.test(id));
}

export class Workspaces {
  /** Several workspaces, each with its own token (`teams` given). */
  readonly multi: boolean;
  private readonly list: Workspace[];
  /** Every bot token issued, and its team. */
  private readonly tokens = new Map<string, string>();
  private readonly firstTokens = new Map<string, string>();
  private readonly revoked = new Set<string>();

  constructor(opts: { teams?: StandInTeam[]; teamId?: string; botUserId?: string; users?: StandInUser[] }) {
    this.multi = Boolean(opts.teams?.length);
    const teams: StandInTeam[] = opts.teams?.length
      ? opts.teams
      : [{ teamId: opts.teamId ?? 'T0TEST', teamName: 'Test', botToken: 'xoxb-stand-in', botUserId: opts.botUserId ?? 'U0BOT', botId: 'B0BOT', users: opts.users }];
    this.list = teams.map((t) => {
      this.firstTokens.set(t.teamId, t.botToken);
      const installed = t.installed !== false;
      if (installed) this.tokens.set(t.botToken, t.teamId);
      return {
        teamId: t.teamId,
        teamName: t.teamName ?? t.teamId,
        enterpriseId: t.enterpriseId ?? null,
        botUserId: t.botUserId ?? `U${t.teamId.slice(1)}BOT`,
        botId: t.botId ?? `B${t.teamId.slice(1)}`,
        users: new Map((t.users ?? []).map((u) => [u.id, u])),
        liveToken: installed ? t.botToken : null,
        installKind: 'workspace',
        installer: t.users?.[0]?.id,
      };
    });
  }

  all(): Workspace[] {
    return this.list;
  }

  byTeam(teamId: string): Workspace | undefined {
    return this.list.find((w) => w.teamId === teamId);
  }

  /** The team a token belongs to, live or revoked. */
  teamOfToken(token: string | undefined): string | undefined {
    return token ? this.tokens.get(token) : undefined;
  }

  /** The workspace a user belongs to: the one listing them, else (single workspace) the only one. */
  private ownerOf(userId: string): Workspace | undefined {
    return this.list.find((w) => w.users.has(userId));
  }

  /** Whether this call, with this token, is one Slack would answer; and for which workspace. */
  check(method: string, args: Record<string, unknown>, token: string | undefined): TokenCheck {
    if (!this.multi) return { ok: true, workspace: this.list[0]! };
    if (!token) return { ok: false, error: 'not_authed', violation: `${method}: no token` };
    if (this.revoked.has(token)) return { ok: false, error: 'token_revoked' };
    const workspace = this.list.find((w) => w.liveToken === token);
    if (!workspace) return { ok: false, error: 'invalid_auth', violation: `${method}: a token the stand-in never issued` };
    const teamIds = new Set([...usersNamed(args).map((id) => this.ownerOf(id)?.teamId), typeof args.team_id === 'string' ? args.team_id : undefined]);
    for (const teamId of teamIds) {
      if (teamId && teamId !== workspace.teamId) {
        return { ok: false, error: 'invalid_auth', violation: `${method}: ${workspace.teamId}'s token used for ${teamId}` };
      }
    }
    return { ok: true, workspace };
  }

  /** A user the workspace knows; with a single workspace any user-shaped id is one (default zone). */
  user(workspace: Workspace, userId: string): StandInUser | undefined {
    if (!/^[UW]\w+$/.test(userId)) return undefined;
    const known = workspace.users.get(userId);
    if (known) return known;
    return this.ownerOf(userId) ? undefined : { id: userId, tz: 'America/New_York' };
  }

  setUser(user: StandInUser, teamId?: string): void {
    const workspace = (teamId ? this.byTeam(teamId) : this.ownerOf(user.id)) ?? this.list[0]!;
    workspace.users.set(user.id, user);
  }

  /** An install: the live token when there is one (Slack gives the same bot token again), else a new one. */
  install(workspace: Workspace): string {
    if (workspace.liveToken) return workspace.liveToken;
    const first = this.firstTokens.get(workspace.teamId)!;
    const n = [...this.tokens.values()].filter((teamId) => teamId === workspace.teamId).length + 1;
    const token = n === 1 ? first : `${first}-${n}`;
    this.tokens.set(token, workspace.teamId);
    workspace.liveToken = token;
    return token;
  }

  /** The app uninstalled (or its bot token revoked): the token stops working for good. */
  uninstall(teamId: string): void {
    const workspace = this.byTeam(teamId);
    if (!workspace?.liveToken) return;
    this.revoked.add(workspace.liveToken);
    workspace.liveToken = null;
  }

  /** Any token that works now, for file downloads. */
  isLive(token: string): boolean {
    return this.list.some((w) => w.liveToken === token);
  }
}
