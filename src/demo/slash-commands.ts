import { sendSlashCommand } from './signed-request.js';

export interface CommandAnswer {
  /** The HTTP status of Slack's request to the app. */
  status: number;
  /** The ephemeral reply in the ack ('' when the app opened a modal instead). */
  text: string;
  blocks?: unknown[];
  /** Where the app posts an answer that took longer than Slack's 3 seconds. */
  responseUrl: string;
}

export interface CommandTarget {
  baseUrl: string;
  signingSecret: string;
  teamId: string;
  /** Each command gets its own response_url under this base (the Slack stand-in's). */
  responseUrlBase: string;
}

/** Types `/followup <text>` as a user: a signed request to the app, as Slack sends it. */
export function slashCommands(target: CommandTarget): (text: string, userId: string, extra?: { triggerId?: string }) => Promise<CommandAnswer> {
  let n = 0;
  return async (text, userId, extra = {}) => {
    n += 1;
    const responseUrl = `${target.responseUrlBase}${n}`;
    const res = await sendSlashCommand(target.baseUrl, target.signingSecret, {
      text,
      teamId: target.teamId,
      userId,
      // A fresh trigger per command: the app treats a repeated one as a double click.
      triggerId: extra.triggerId ?? `${n}.${Date.now()}.${Math.random().toString(36).slice(2)}`,
      responseUrl,
    });
    return { status: res.status, text: (res.body?.text as string | undefined) ?? '', blocks: res.body?.blocks, responseUrl };
  };
}
