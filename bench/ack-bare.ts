// The floors the ack benchmark compares against: a bare Bolt app on the same HTTP receiver whose
// `/followup` handler only acks; and, with BENCH_WRITE_URL set, the same app committing one row to
// Postgres before it acks (what "an acked command is a stored command" costs at the least).
// No middleware of ours, no logging.
// Usage: PORT=… SLACK_SIGNING_SECRET=… [BENCH_WRITE_URL=postgres://…] tsx bench/ack-bare.ts
import bolt from '@slack/bolt';
import postgres from 'postgres';

const { App, LogLevel } = bolt;

const writeUrl = process.env.BENCH_WRITE_URL;
const sql = writeUrl ? postgres(writeUrl, { max: 10, onnotice: () => {} }) : null;
if (sql) await sql`create table if not exists bench_acks (trigger_id text primary key, text text not null, at timestamptz not null default now())`;

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  token: 'xoxb-bench-bare',
  // No auth.test, at start or on the first request: this app never calls Slack.
  tokenVerificationEnabled: false,
  botId: 'B0BARE',
  botUserId: 'U0BARE',
  logLevel: LogLevel.ERROR,
});
app.command('/followup', async ({ command, ack }) => {
  if (sql) await sql`insert into bench_acks (trigger_id, text) values (${command.trigger_id}, ${command.text})`;
  await ack({ response_type: 'ephemeral', text: 'Logged.' });
});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
