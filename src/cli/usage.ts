// `followup-coach help`: what every command does.

export const USAGE = `Usage: followup-coach <command>

Commands:
  serve                         run the Slack app, its HTTP endpoints and the scheduler
  migrate                       apply the database migrations and exit
  jobs run <morning|digest|speed-to-lead|purge> [--at <ISO-8601 time>] [--team <T>]
                                run one scheduler job now, as if the clock read --at; prints a JSON summary
  webhook-secret --team <T> [--rotate]
                                print the team's secret for POST /leads (created the first time;
                                --rotate makes a new one, the old one still works for a day)
  keys rotate                   seal every stored token and secret with the first key of
                                FOLLOWUP_ENCRYPTION_KEYS (stop serve first with the embedded database);
                                prints what it did as JSON
  keys generate [--kid <id>]    print a new key entry for FOLLOWUP_ENCRYPTION_KEYS
  installs list                 the workspaces that installed the app, one JSON line each
                                (team, enterprise, installer, when, scopes; never a token)
  manifest [--url <https://host> | --socket] [--oauth]
                                print the Slack app manifest for your host, or for Socket Mode;
                                --oauth adds what installs from other workspaces need, and needs
                                --url: where installers come back to (with --socket too)
  demo [--keep] [--port <n>]    see it work: the app with a sample team and a stand-in for Slack,
                                printing what each person would see; --keep leaves it running
  import <file.csv> --team <T> --owner <U> [--dry-run]
                                import leads from a CRM export (HubSpot, Salesforce, Pipedrive or ours);
                                rows without a known owner go to --owner; prints a summary
  export --team <T> [--owner <U>]
                                write the team's leads as CSV to standard output (import reads it back)
  help                          show this text

Configuration comes from the environment: see README.md.`;

export async function printUsage(): Promise<number> {
  console.log(USAGE);
  return 0;
}
