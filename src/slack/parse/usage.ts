import { COMMITMENT_OUTCOMES, POSITIVE_SIGNALS, SIGNALS, TIERS, TOUCH_CHANNELS } from '../../domain/vocabulary.js';

// One usage line per subcommand. Plain text: escape before putting it in mrkdwn.
export const USAGE: Record<string, string> = {
  help: '/followup help',
  add: `/followup add <name> [tier:${TIERS.join('|')}] [value:<amount>] [company:<text>] [email:<addr>] [phone:<text>] [owner:@user] [source:inbound] [referred-by:<who>]`,
  log: `/followup log <lead> <${TOUCH_CHANNELS.join('|')}> [inbound] [<outcome text>] [next: <action> by <date> [promised] [they: <prospect's commitment>]] [signals:<${[...POSITIVE_SIGNALS, ...SIGNALS].join('|')}>,…]`,
  next: "/followup next <lead> <action> by <date> [promised] [they: <prospect's commitment>]",
  done: `/followup done <lead> [${COMMITMENT_OUTCOMES.map((o) => `they:${o}`).join('|')}] [next: <action> by <date>]`,
  snooze: '/followup snooze <lead> until <date> [<reason>]',
  revive: '/followup revive <lead> <trigger event>',
  reassign: '/followup reassign <lead> @user  (or: reassign all @from @to)',
  won: '/followup won <lead> [<note>]',
  lost: '/followup lost <lead> [<reason>]',
  queue: '/followup queue',
  stalled: '/followup stalled',
  digest: '/followup digest',
  settings:
    '/followup settings [dm:<HH:MM>] [tz:<IANA zone>] [off:<date>] [on] [digest:#channel] [digest-day:<mon..sun>] [digest-time:<HH:MM>] [team-tz:<IANA zone>] [hours:<HH:MM>-<HH:MM>] [days:<mon-fri>] [new-per-day:<1-50>] [checkin-days:<7-365>] [manager:@user] [manager:-@user]',
  show: '/followup show <lead>',
  undo: '/followup undo',
  delete: '/followup delete <lead>',
  import: '/followup import  (managers: opens the CSV import form; or drop a CSV into the app\'s DM)',
  inspect: '/followup inspect @rep  (managers: two more of their open leads to look at)',
};
