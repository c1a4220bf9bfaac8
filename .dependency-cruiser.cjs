// The layers of src/ and what each may import (docs/architecture.md explains why).
// `npm run lint:deps` checks them; `npm test` (and so CI) fails on any violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'coach-is-pure',
      comment: 'The rules read plain data and a clock: the only project code they may use is the domain vocabulary.',
      severity: 'error',
      from: { path: '^src/coach/' },
      to: { path: '^src/', pathNot: '^src/(coach|domain)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'The vocabulary is the bottom layer: it imports no other project code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'db-knows-no-callers',
      comment: 'The store serves Slack, jobs, intake, HTTP and the CLI; it imports none of them.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(slack|jobs|intake|http|cli|outbound|demo|observability)/|^src/main\\.ts$' },
    },
    {
      name: 'ui-builds-from-data',
      comment: 'Block Kit builders are pure functions of data: types from db/ at most, never its code.',
      severity: 'error',
      from: { path: '^src/slack/ui/' },
      to: { path: '^src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-is-pure',
      comment: 'Block Kit builders call nothing: no Slack client, no jobs, no listeners.',
      severity: 'error',
      from: { path: '^src/slack/ui/' },
      to: { path: '^src/(slack/(listeners|middleware)|jobs|outbound|intake|http|cli)/' },
    },
    {
      name: 'listener-kinds-apart',
      comment: 'A listener of one kind (commands, actions, views, events, options) never imports another kind’s files: shared work is a service.',
      severity: 'error',
      from: { path: '^src/slack/listeners/([^/]+)/' },
      to: { path: '^src/slack/listeners/', pathNot: ['^src/slack/listeners/$1/'] },
    },
    {
      name: 'database-drivers-in-db',
      comment: 'drizzle-orm, postgres.js and PGlite are the store’s business: all SQL lives in src/db/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '(^|/)node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/' },
    },
    {
      name: 'web-api-in-outbound',
      comment: 'Outside a listener’s own client, Slack’s Web API is called through src/outbound/ (pacing, ledger, retries in one place).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(outbound/|slack/app\\.ts$)' },
      to: { path: '(^|/)node_modules/@slack/web-api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-not-to-tests',
      comment: 'Shipped code never imports tests, their support code or benchmarks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count as dependencies too, so the rules above can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
