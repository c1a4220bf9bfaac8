import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

/** A message to the rep in their DM with the app (modal submissions are confirmed this way). */
export async function sendDm(client: WebClient, userId: string, text: string, blocks?: KnownBlock[]): Promise<void> {
  const im = await client.conversations.open({ users: userId });
  if (im.channel?.id) await client.chat.postMessage({ channel: im.channel.id, text, ...(blocks ? { blocks } : {}) });
}

/** Ids that come back from Slack (button values, private_metadata) are checked before use. */
export const isUuid = (v: string | undefined): v is string =>
  !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
