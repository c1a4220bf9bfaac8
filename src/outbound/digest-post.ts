import type { KnownBlock } from '@slack/types';
import type { SlackClient } from './slack-client.js';

/** Posts the digest's first message to the channel and the rest in its thread; returns the first's ts. */
export async function postDigest(client: SlackClient, channel: string, messages: { text: string; blocks: KnownBlock[] }[]): Promise<string | undefined> {
  const [first, ...rest] = messages;
  const posted = await client.chat.postMessage({ channel, text: first!.text, blocks: first!.blocks });
  for (const part of rest) {
    await client.chat.postMessage({ channel, thread_ts: posted.ts, text: part.text, blocks: part.blocks });
  }
  return posted.ts;
}

/** Uploads the digest's chart (a PNG) into its thread, or to the channel when the digest has no ts. */
export async function uploadDigestChart(client: SlackClient, channel: string, threadTs: string | undefined, png: Buffer, title: string): Promise<void> {
  // Slack's external upload flow (files.getUploadURLExternal, then completeUploadExternal).
  const file = { file: png, filename: 'follow-up-digest.png', title };
  await client.filesUploadV2(threadTs ? { ...file, channel_id: channel, thread_ts: threadTs } : { ...file, channel_id: channel });
}
