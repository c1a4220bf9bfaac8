import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../support/serve-process.js';

const run = promisify(execFile);
const ANSI_ESCAPE = /\x1b\[/;
// Only PATH: the demo must need nothing from the operator's environment (no Slack, no database).
const env = { PATH: process.env.PATH ?? '' };
const demoDirs = () => new Set(readdirSync(tmpdir()).filter((d) => d.startsWith('followup-coach-demo-')));

/** The lines under one section label, up to the next blank line followed by a label or a scene. */
function section(output: string, label: string): string {
  const start = output.indexOf(label);
  expect(start, `no section "${label}" in:\n${output}`).toBeGreaterThanOrEqual(0);
  const rest = output.slice(start + label.length);
  const end = rest.search(/\n\n(?=\S)/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('`followup-coach demo`', () => {
  it('plays a Monday for the sample team and prints what each person sees, as plain text, and exits 0', async () => {
    const before = demoDirs();
    // Issue #8: the demo prints within 60 seconds. Timed is the run itself (the suite builds first):
    // on a 2-core machine about 8-10 s alone, 21 s with three demos side by side, 25 s in the suite.
    const started = Date.now();
    const { stdout } = await run(process.execPath, [cliPath(), 'demo'], { env, timeout: 90_000 });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds, `the demo took ${seconds.toFixed(1)} s`).toBeLessThan(60);
    // Not a terminal: no colours.
    expect(stdout).not.toMatch(ANSI_ESCAPE);

    // Commands are signed requests; their replies are shown.
    expect(stdout).toContain('→ /followup settings digest:#sales');
    expect(stdout).toContain('Team: digest in #sales on Monday at 09:00');
    expect(section(stdout, 'Kenji (rep, Asia/Tokyo) — /followup log')).toMatch(/⇒ Logged call with Hoshino Trading \(touch 3\)\.[\s\S]*Next \(proposed\): ask whether it's a yes, a no, or a not-now by/);
    expect(section(stdout, 'Kenji (rep, Asia/Tokyo) — /followup next')).toContain('send the pilot agreement by');
    expect(section(stdout, 'Kenji (rep, Asia/Tokyo) — /followup snooze')).toContain('Snoozed Sakura Logistics until');

    // Each rep's morning DM, with reasons and buttons; Kenji's reflects what he did before it.
    const kenji = section(stdout, 'Kenji (rep, Asia/Tokyo) — morning DM');
    expect(kenji).toMatch(/Your \d+ for today( — [\w ,]+)?\s+─+\s+Monday \d+ \w+/);
    expect(kenji).toContain('1. Kaito Robotics');
    // R2: it came in at 06:40, before his working hours: its first hour is 09:00–10:00, not over yet.
    expect(kenji).toMatch(/1\. Kaito Robotics[^\n]*\n\s*first contact due now/);
    expect(kenji).not.toContain('no first contact');
    expect(kenji).toContain('promised send the proposal overdue 4 days');
    expect(kenji).not.toContain('of 5+');
    expect(kenji).toContain("Ginza Jewelers — Customer · $35,000\n    service check-in: ask how it's working and whether they need anything due today");
    // R9: five touches with no engagement: the choice, a button for each.
    expect(kenji).toContain('[Change approach]  [Close it lost]');
    expect(kenji).toContain('[Log touch]  [Set next step]  [Snooze ▾]  [Done]');
    expect(kenji).toMatch(/No next step \(2\)[\s\S]*Tokyo Bay Hotels  \[Set next step\]/);
    expect(kenji).not.toContain('Hoshino Trading');
    expect(kenji).not.toContain('Sakura Logistics');

    const maya = section(stdout, 'Maya (rep, Europe/Berlin) — morning DM');
    expect(maya).toContain('Brandt & Söhne — Referral · $32,000');
    // R14 after Friday's call; R8's "give them room" is not said of a step the rep dated herself.
    expect(maya).toContain('Nordlicht Media — Lead · $8,000\n    send the case study due today · confirm by email what was agreed on the call');
    // R11: a customer's thank-you after the win, and a check-in a month on (Kenji's Ginza Jewelers).
    expect(maya).toContain('Main Capital — Customer · $48,000\n    thank them for their business and say what happens next overdue 4 days');

    const sam = section(stdout, 'Sam (rep, America/New_York) — morning DM');
    // R7: stopped after two touches with nothing scheduled — said beside the lead in the No next step section.
    expect(sam).toContain('Madison Partners — stopped at 2 touches: most sales take 5–12  [Set next step]');
    expect(sam).toContain('No next step (1)');

    // R2: an hour on, the owner is reminded and the manager told.
    expect(section(stdout, 'Kenji (rep, Asia/Tokyo) — DM from the coach')).toMatch(/Still untouched after an hour[\s\S]*Kaito Robotics/);
    expect(section(stdout, 'Dana (manager, America/New_York) — DM from the coach')).toContain('Kaito Robotics (New lead · $16,000) — @Kenji Sato');

    // The manager channel's weekly digest, mentions as names, and its chart.
    const digest = section(stdout, '#sales — weekly digest');
    expect(digest).toMatch(/Follow-up digest — Mon \d+ \w{3} – Sun \d+ \w{3}/);
    expect(digest).toMatch(/Kenji Sato\n\s+\d+ of \d+ open leads stalled · \$[\d,]+ in stalled leads · promises kept \d of \d/);
    expect(digest).toContain('• Ask Maya Fischer about Brandt & Söhne — promised send the revised quote overdue 3 days · $32,000');
    expect(digest).toContain('Parked: 1 snoozed lead');
    expect(digest).toMatch(/Look at: [^\n]+\[Looked at it\]/);
    expect(digest).toContain('follow-up-digest.png');

    // The temporary database is gone.
    expect([...demoDirs()].filter((d) => !before.has(d))).toEqual([]);
  }, 120_000);

  it('--keep leaves the app running for signed requests of one\'s own; Ctrl-C stops it and keeps its database', async () => {
    const child = spawn(process.execPath, [cliPath(), 'demo', '--keep'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!out.includes('Ctrl-C stops it.')) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`demo --keep did not get ready:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toMatch(/Request URL {5}http:\/\/127\.0\.0\.1:\d+\/slack\/events/);
      expect(out).toMatch(/Signing secret {2}[0-9a-f]{32}/);
      // The printed shell function, as a reader would paste it.
      const definition = out.split('\n').find((l) => l.trim().startsWith('followup() {'))!.trim();
      const followup = async (...args: string[]) =>
        (await run('sh', ['-c', `${definition}\nfollowup "$@"`, 'sh', ...args], { env, timeout: 20_000 })).stdout;
      expect(await followup('queue')).toMatch(/\*Your \d+ for now[^*]*\* — Mon \d+ \w+[\s\S]*Empire Dental/);
      expect(await followup('stalled', 'U0DANA')).toContain("*The team's stalled leads*");
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const dataDir = /The demo's database is in (\S+)\./.exec(out)?.[1];
    expect(dataDir && existsSync(dataDir)).toBe(true);
    rmSync(dataDir!, { recursive: true, force: true });
  }, 120_000);
});
