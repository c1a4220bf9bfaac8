import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH_APP, startOAuthServe } from '../support/oauth-install.js';
import type { ServeProcess } from '../support/serve-process.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.js';
import { stopAll } from '../support/suite.js';

// The install page in a real browser: Debian's chromium, driven by playwright-core (issue #17,
// "Done when"). `.ci/run` installs chromium; elsewhere this file skips and says why.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`${CHROMIUM} is missing: the install page is not tried in a browser (on Debian: apt-get install chromium; .ci/run does it).`);
}

// Nothing beyond 127.0.0.1: no update checks, sync or QUIC probes.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TEAM = { teamId: 'T0BROWSER', teamName: 'Browser Sales', botToken: 'xoxb-browser-e2e', installed: false, users: [{ id: 'U0ADA', is_admin: true }] };

describe.skipIf(!haveChromium)('the install page in a headless chromium', () => {
  let slack: SlackStandIn;
  let serve: ServeProcess;
  let browser: BrowserContext;
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-browser-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'fc-browser-profile-'));

  beforeAll(async () => {
    slack = await startSlackStandIn({ teams: [TEAM], oauth: OAUTH_APP });
    serve = await startOAuthServe(slack, { DATA_DIR: dataDir });
    browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopAll(serve, slack);
    for (const dir of [dataDir, profileDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('"Add to Slack", then "Allow" on Slack\'s page, ends on the page saying the app is installed', async () => {
    await page.goto(`${serve.baseUrl}/slack/install`);
    await page.getByRole('link', { name: 'Add to Slack' }).click();
    await page.waitForURL((url) => url.pathname === '/oauth/v2/authorize');
    expect(await page.textContent('h1')).toContain('Browser Sales');
    await page.getByRole('link', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.pathname === '/slack/oauth_redirect');
    expect(await page.textContent('h1')).toMatch(/installed/i);
    const text = await page.textContent('body');
    expect(text).toContain('Browser Sales');
    expect(text).toMatch(/first manager/i);
    expect(slack.tokenOf(TEAM.teamId)).toBe(TEAM.botToken);
    expect(slack.callsOf('oauth.v2.access')).toHaveLength(1);
  });

  it('a redirect with a forged or missing state is refused with a page that says to start again', async () => {
    for (const query of ['code=T0BROWSER.forged&state=forged', 'code=T0BROWSER.forged']) {
      const res = await page.goto(`${serve.baseUrl}/slack/oauth_redirect?${query}`);
      expect(res?.status()).toBe(400);
      expect(await page.textContent('body')).toMatch(/start again/i);
    }
    // The page leads back to the start.
    await page.getByRole('link', { name: /install page/i }).click();
    await page.waitForURL((url) => url.pathname === '/slack/install');
    await expect(page.getByRole('link', { name: 'Add to Slack' }).count()).resolves.toBe(1);
    expect(slack.callsOf('oauth.v2.access')).toHaveLength(1);
  });
});
