// The pages an installer sees (docs/architecture.md#installations): the install page with its
// "Add to Slack" button, the page after a finished install, and one page for each way it can fail.
import type { ServerResponse } from 'node:http';
import type { FirstManagerOutcome } from '../db/ops/first-manager.js';
import type { RefusalReason } from '../install/install-refused.js';
import { html, page, type Html } from './html-page.js';

export interface PageAnswer {
  status: number;
  body: string;
}

/** Why an install did not finish: the link, the installer's choice, a refusal, or anything else. */
export type InstallFailure = 'state' | 'cancelled' | 'no_code' | RefusalReason | 'unknown';

export function sendPage(res: ServerResponse, answer: PageAnswer): void {
  res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(answer.body);
}

export function installPage(authorizeUrl: string): PageAnswer {
  const body = html`<p>Follow-up Coach keeps every sales lead on a dated next step.
Each weekday morning every rep gets a short list of whom to follow up with, and managers get a weekly digest.</p>
<p><a class="button" href="${authorizeUrl}">Add to Slack</a></p>
<p>If your workspace asks admins to approve new apps, Slack sends them your request.
Once they approve it, come back here and add it again.</p>`;
  return { status: 200, body: page('Add Follow-up Coach to Slack', body) };
}

// Who manages the team after the install: the installer, the managers it had, or no one yet.
const MANAGER_LINE: Record<FirstManagerOutcome, Html> = {
  appointed: html`<p>You are the team's first manager: you can change the team's settings and appoint other managers with <code>/followup settings manager:@name</code>.</p>`,
  'has-manager': html`<p>The team's managers, leads and settings are as they were.</p>`,
  'not-admin': html`<p>A manager changes the team's settings. Ask a Slack workspace admin or owner to appoint the first one with <code>/followup settings manager:@name</code>.</p>`,
};

export function installedPage(firstManager: FirstManagerOutcome, teamName?: string): PageAnswer {
  const body = html`<p>Follow-up Coach is now in ${teamName ? html`<strong>${teamName}</strong>` : 'your workspace'}.</p>
${MANAGER_LINE[firstManager]}
<p>What happens next:</p>
<ol>
<li>For the weekly digest, invite the app to a channel with <code>/invite @followup-coach</code>, then point the digest at it with <code>/followup settings digest:#channel</code>.</li>
<li>Reps add leads with <code>/followup add</code>; <code>/followup help</code> lists the rest.</li>
<li>Reps who use <code>/followup</code> get a morning message on weekdays when they have leads to follow up, at 08:00 in their time zone (or the time they set).</li>
</ol>
<p>You can close this page and go back to Slack.</p>`;
  return { status: 200, body: page('Follow-up Coach is installed', body) };
}

interface FailureText {
  status: number;
  title: string;
  text: string;
}

const FAILURES: Record<InstallFailure, FailureText> = {
  state: { status: 400, title: 'Start again', text: 'This install link has expired or was not started here. Start again from the install page.' },
  no_code: { status: 400, title: 'Start again', text: 'Slack did not send this page what an install needs. Start again from the install page.' },
  cancelled: {
    status: 403,
    title: 'The install was cancelled',
    text: 'The install was cancelled in Slack, so the app was not added. If your workspace needs an admin to approve new apps, Slack has sent them your request: once they approve it, start again from the install page.',
  },
  org_wide: {
    status: 403,
    title: 'Install it into one workspace',
    text: 'Installing across a whole Enterprise Grid organization is not supported yet, so the app was not set up. Start again from the install page and pick one workspace.',
  },
  token_rotation: {
    status: 403,
    title: 'Token rotation is not supported',
    text: 'The app\'s Slack settings have token rotation turned on, which Follow-up Coach does not support, so it was not set up for your workspace. Ask the people who run it to set it up with token rotation off.',
  },
  team_not_allowed: {
    status: 403,
    title: 'This workspace is not on the list',
    text: 'This copy of Follow-up Coach is private, and your workspace is not one of those it serves, so it was not set up. Ask the people who run it to add your workspace.',
  },
  no_bot: { status: 502, title: 'The install did not finish', text: 'Slack did not give the app its bot access. Start again from the install page.' },
  unknown: {
    status: 500,
    title: 'The install did not finish',
    text: 'Something went wrong while finishing the install. Start again from the install page; if it happens again, tell the people who run this app.',
  },
};

export function installFailedPage(failure: InstallFailure, installPath: string): PageAnswer {
  const { status, title, text } = FAILURES[failure];
  return { status, body: page(title, html`<p>${text}</p>\n<p><a href="${installPath}">Go to the install page</a></p>`) };
}
