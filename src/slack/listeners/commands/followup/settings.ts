import { changeSettings, findTeamSettings } from '../../../../db/ops/settings.js';
import { parseSettings, type SettingsArgs } from '../../../parse/subcommands.js';
import { refuse, reply } from '../../../reply.js';
import { settingsText } from '../../../ui/settings-text.js';
import type { Subcommand } from './context.js';

const TEAM_KEYS: (keyof SettingsArgs)[] = ['digestChannel', 'digestDay', 'digestTime', 'teamTz', 'workStart', 'workDays', 'newPerDay', 'checkinDays'];
const NOT_ALLOWED =
  'Only a manager, or a Slack workspace admin or owner, can change team settings (the digest, working hours and days, new leads a day, check-ins) and managers. Your own settings (dm:, tz:, off:, on) are yours to change.';

export const settings: Subcommand = async (ctx) => {
  const parsed = parseSettings(ctx.args, { now: ctx.now, zone: ctx.zone });
  if (!parsed.ok) return refuse(parsed.error, 'settings');
  const args = parsed.value;
  const { db } = ctx.services.database;
  const touchesTeam = TEAM_KEYS.some((k) => args[k] !== undefined) || args.addManagers.length > 0 || args.removeManagers.length > 0;
  if (touchesTeam && !ctx.rep.isManager && !ctx.rep.isSlackAdmin) return refuse(NOT_ALLOWED);

  const current = await findTeamSettings(db, ctx.teamId);
  // The digest goes out in the team's zone: by default, the zone of the manager who set the channel.
  const teamTz = args.teamTz ?? (args.digestChannel && !current?.teamTz ? ctx.zone : undefined);
  const { rep, team } = await changeSettings(db, {
    teamId: ctx.teamId,
    userId: ctx.userId,
    rep: {
      ...(args.dmTime ? { dmTime: args.dmTime } : {}),
      ...(args.tz ? { tz: args.tz } : {}),
      ...(args.pausedUntil !== undefined ? { dmsPausedUntil: args.pausedUntil } : {}),
    },
    team: {
      ...(args.digestChannel ? { digestChannel: args.digestChannel } : {}),
      ...(args.digestDay ? { digestDay: args.digestDay } : {}),
      ...(args.digestTime ? { digestTime: args.digestTime } : {}),
      ...(teamTz ? { teamTz } : {}),
      ...(args.workStart ? { workStart: args.workStart, workEnd: args.workEnd } : {}),
      ...(args.workDays ? { workDays: args.workDays } : {}),
      ...(args.newPerDay ? { newPerDay: args.newPerDay } : {}),
      ...(args.checkinDays ? { checkinDays: args.checkinDays } : {}),
    },
    addManagers: args.addManagers,
    removeManagers: args.removeManagers,
    requestKey: ctx.args.trim() ? ctx.requestKey : null,
    now: ctx.now,
  });
  const changed = ctx.args.trim() ? 'Saved.' : null;
  return reply(settingsText({ rep, team, changed, managersAdded: args.addManagers, managersRemoved: args.removeManagers }, ctx.now));
};
