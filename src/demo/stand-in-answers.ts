import type { StandInUser, Workspace, Workspaces } from './stand-in-workspaces.js';

// What the Slack stand-in answers each Web API method the app calls, for the workspace whose token
// the call carried.

/** The DM channel conversations.open gives for a user. */
export const dmChannelId = (userId: string): string => `D${userId.replace(/^U/, '')}`;

/** What the answers count across calls: message timestamps, view ids, upload ids. */
export interface AnswerCounters {
  ts: number;
  views: number;
  uploads: number;
}

const userObject = (u: StandInUser, teamId: string) => ({
  id: u.id, team_id: teamId, name: u.name ?? u.id.toLowerCase(), real_name: u.real_name ?? u.id, tz: u.tz ?? 'America/New_York', tz_offset: u.tz_offset ?? 0,
  is_admin: Boolean(u.is_admin), is_owner: Boolean(u.is_owner), is_restricted: Boolean(u.is_restricted), is_ultra_restricted: Boolean(u.is_ultra_restricted),
  is_bot: false, deleted: Boolean(u.deleted),
  profile: { display_name: u.name ?? '', real_name: u.real_name ?? u.id, ...(u.email ? { email: u.email } : {}) },
});

export function answerCall(
  method: string,
  args: Record<string, unknown>,
  ctx: { workspace: Workspace; workspaces: Workspaces; counters: AnswerCounters; uploadBase: string },
): Record<string, unknown> {
  const { workspace: ws, counters } = ctx;
  switch (method) {
    case 'auth.test':
      return {
        ok: true, url: `https://${ws.teamName.toLowerCase().replace(/\W+/g, '')}.slack.com/`, team: ws.teamName, user: 'followup-coach',
        team_id: ws.teamId, user_id: ws.botUserId, bot_id: ws.botId, ...(ws.enterpriseId ? { enterprise_id: ws.enterpriseId } : {}), is_enterprise_install: false,
      };
    case 'users.info': {
      // Any user-shaped id is a user (default zone) unless another workspace has them; anything else is unknown, as Slack says.
      const user = ctx.workspaces.user(ws, String(args.user ?? ''));
      return user ? { ok: true, user: userObject(user, ws.teamId) } : { ok: false, error: 'user_not_found' };
    }
    case 'users.lookupByEmail': {
      // Only users given with an e-mail can be found by it, as in a real workspace.
      const email = String(args.email ?? '').toLowerCase();
      const u = [...ws.users.values()].find((x) => x.email?.toLowerCase() === email);
      return u ? { ok: true, user: userObject(u, ws.teamId) } : { ok: false, error: 'users_not_found' };
    }
    case 'conversations.open': {
      const first = String(args.users ?? args.channel ?? '').split(',')[0] ?? '';
      return { ok: true, channel: { id: dmChannelId(first) } };
    }
    case 'chat.postMessage': {
      counters.ts += 1;
      const stamp = `${String(counters.ts).slice(0, 10)}.${String(counters.ts).slice(10)}`;
      return { ok: true, channel: args.channel, ts: stamp, message: { text: args.text, ts: stamp } };
    }
    case 'chat.postEphemeral':
      return { ok: true, message_ts: `${Date.now() / 1000}` };
    case 'chat.update':
      return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
    case 'views.open':
    case 'views.publish':
    case 'views.update':
    case 'views.push':
      counters.views += 1;
      return { ok: true, view: { id: `V${String(counters.views).padStart(8, '0')}`, ...(args.view as object) } };
    case 'files.getUploadURLExternal':
      counters.uploads += 1;
      return { ok: true, upload_url: `${ctx.uploadBase}F${counters.uploads}`, file_id: `F${counters.uploads}` };
    case 'files.completeUploadExternal':
      return { ok: true, files: (args.files as object[] | undefined) ?? [] };
    default:
      return { ok: true };
  }
}
