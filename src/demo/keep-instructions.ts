import { DEMO_TEAM_ID, MANAGER, PEOPLE, SAM } from './team.js';

export interface KeptDemo {
  /** Where Slack would send requests: http://127.0.0.1:<port>/slack/events */
  requestUrl: string;
  signingSecret: string;
  /** Where late replies go (the stand-in keeps them). */
  responseUrl: string;
  dataDir: string;
}

/**
 * A one-line program that sends a signed `/followup` command, as Slack would: the text is its first
 * argument, the user id its second (Sam by default). Plain Node, nothing to install.
 */
export function signedCommandSnippet(k: KeptDemo): string {
  const program = [
    `const [typed = "help", user = "${SAM.id}"] = process.argv.slice(1);`,
    // Slack escapes &, < and > in command text (should_escape in manifest.json).
    'const text = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");',
    `const body = new URLSearchParams({ team_id: "${DEMO_TEAM_ID}", user_id: user, command: "/followup", text, response_url: "${k.responseUrl}", trigger_id: String(Date.now()) }).toString();`,
    'const ts = String(Math.floor(Date.now() / 1000));',
    `const sig = "v0=" + require("crypto").createHmac("sha256", "${k.signingSecret}").update(\`v0:\${ts}:\${body}\`).digest("hex");`,
    `fetch("${k.requestUrl}", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": ts, "x-slack-signature": sig }, body })`,
    '.then((r) => r.text()).then((t) => console.log(t ? JSON.parse(t).text : "(no reply: a form opened)"));',
  ].join(' ');
  return `node -e '${program}'`;
}

/** What `demo --keep` prints once the story is told: how to talk to the running app yourself. */
export function keepInstructions(k: KeptDemo): string[] {
  const users = PEOPLE.map((p) => `${p.name} ${p.id}${p.role === 'manager' ? ' (manager)' : ''}`).join(' · ');
  return [
    'The app keeps running: send it your own signed requests, as Slack would.',
    `  Request URL     ${k.requestUrl}`,
    `  Port            ${new URL(k.requestUrl).port}`,
    `  Signing secret  ${k.signingSecret}`,
    `  Team            ${DEMO_TEAM_ID} · ${users}`,
    `  Database        ${k.dataDir} (kept when you stop)`,
    '',
    `Type /followup as ${SAM.name}: paste the first line into a shell, then try the others.`,
    `  followup() { ${signedCommandSnippet(k)} "$@"; }`,
    '  followup "queue"',
    '  followup "log empire call sent the contract next: call back by friday"',
    `  followup "stalled" ${MANAGER.id}      # as ${MANAGER.name}, the manager`,
    '',
    'Ctrl-C stops it.',
  ];
}
