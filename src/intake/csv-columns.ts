// Which column of a CRM export holds what: header names normalised and looked up in a table of
// aliases per role (HubSpot, Salesforce, Pipedrive and our own export). Pure; no I/O.

export const COLUMN_ROLES = [
  'name',
  'firstName',
  'lastName',
  'title',
  'company',
  'email',
  'phone',
  'tier',
  'tierHint',
  'value',
  'owner',
  'status',
  'source',
  'created',
  'lastContacted',
  'touchCount',
  'nextStep',
  'nextStepDate',
  'promised',
  'externalId',
  'note',
  'referredBy',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Our own export's header row, in order: `import` reads it back unchanged. */
export const EXPORT_HEADERS = [
  'name',
  'company',
  'email',
  'phone',
  'tier',
  'value',
  'owner',
  'status',
  'source',
  'created',
  'last contacted',
  'touch count',
  'next step',
  'next step date',
  'promised',
  'external id',
  'note',
] as const;

/**
 * "Person - Name", "person_name", " PERSON NAME " → "person name": case, punctuation, underscores
 * and runs of spaces do not matter. A BOM or stray quotes around a header are dropped too.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Aliases per role, already normalised, best first: when a file has several columns for one role
// the first non-empty cell in this order wins (e.g. "Owner Email" before "Lead Owner", a name).
// "tierHint" columns are CRM words (lifecycle stage, lead source, rating…) that map onto our tiers;
// their order is the precedence between them.
const ALIASES: Record<ColumnRole, readonly string[]> = {
  name: ['name', 'full name', 'contact name', 'lead name', 'person name', 'contact full name', 'customer name'],
  firstName: ['first name', 'firstname', 'given name', 'person first name', 'contact first name'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'person last name', 'contact last name'],
  // A deal or opportunity: its title names the lead when no person name is given.
  title: ['deal title', 'deal name', 'opportunity name', 'opportunity', 'deal'],
  company: [
    'company', 'company name', 'account name', 'account', 'organization', 'organisation', 'organization name',
    'organisation name', 'person organization', 'deal organization', 'associated company', 'employer',
  ],
  email: [
    'email', 'e mail', 'email address', 'e mail address', 'person email', 'person email work', 'person email home',
    'person email other', 'work email', 'primary email',
  ],
  phone: [
    'phone', 'phone number', 'mobile', 'mobile phone', 'mobile phone number', 'person phone', 'person phone work',
    'person phone mobile', 'person phone home', 'person phone other', 'telephone', 'tel', 'work phone',
  ],
  tier: ['tier'],
  tierHint: [
    'tier',
    'type', 'account type', 'contact type', 'customer type', 'lead type',
    'lifecycle stage', 'lifecycle', 'hubspot lifecycle stage',
    'lead source', 'original source', 'source', 'source channel', 'deal source', 'deal source channel', 'person source',
    'person source channel', 'referral source',
    'lead status', 'hubspot lead status',
    'label', 'deal label', 'person label', 'rating', 'lead rating', 'temperature',
    'stage', 'deal stage', 'opportunity stage',
  ],
  value: ['value', 'amount', 'deal value', 'deal amount', 'opportunity amount', 'expected revenue', 'revenue', 'annual revenue'],
  owner: [
    'owner', 'owner email', 'owner id', 'owner slack id', 'contact owner', 'hubspot owner', 'lead owner', 'deal owner',
    'person owner', 'opportunity owner', 'account owner', 'owner name', 'sales rep', 'assigned to',
  ],
  status: ['status', 'deal status', 'lead status', 'hubspot lead status', 'stage', 'deal stage', 'opportunity stage'],
  source: [
    'source', 'lead source', 'original source', 'source channel', 'deal source', 'deal source channel', 'person source',
    'person source channel', 'referral source',
  ],
  created: [
    'created', 'create date', 'created date', 'created at', 'created on', 'date created', 'creation date',
    'deal deal created', 'deal created', 'deal created on', 'person created', 'person created on', 'lead created date',
  ],
  lastContacted: [
    'last contacted', 'last contact', 'last contacted date', 'last activity', 'last activity date',
    'deal last activity date', 'person last activity date', 'last touch',
  ],
  touchCount: ['touch count', 'touches', 'number of touches', 'number of times contacted', 'times contacted'],
  nextStep: ['next step', 'next steps', 'next action', 'next activity subject', 'deal next activity subject'],
  nextStepDate: [
    'next step date', 'next step due', 'next action date', 'next activity date', 'deal next activity date',
    'person next activity date', 'follow up date',
  ],
  promised: ['promised'],
  externalId: [
    'external id', 'record id', 'lead id', 'contact id', 'opportunity id', 'deal id', 'id', 'person id',
    'salesforce id', 'hubspot id',
  ],
  note: ['note', 'notes', 'description', 'message', 'comments', 'comment'],
  // R11: who referred the lead (a name or e-mail, as the CRM holds it).
  referredBy: ['referred by', 'referral', 'referrer', 'referred by name', 'referred by email', 'referring customer'],
};

export interface ColumnMap {
  /** The header row as the file gave it. */
  headers: string[];
  /** Column indexes per role, best first (alias order, then file order). */
  roles: Partial<Record<ColumnRole, number[]>>;
}

/** Maps a header row onto roles. One column may serve several (a lead source is a source and a tier hint). */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const normalized = headers.map(normalizeHeader);
  const roles: ColumnMap['roles'] = {};
  for (const role of COLUMN_ROLES) {
    const found: { rank: number; index: number }[] = [];
    normalized.forEach((h, index) => {
      const rank = ALIASES[role].indexOf(h);
      if (rank >= 0) found.push({ rank, index });
    });
    if (found.length) roles[role] = found.sort((a, b) => a.rank - b.rank || a.index - b.index).map((f) => f.index);
  }
  return { headers: [...headers], roles };
}

/** A lead needs a name: a name column, first/last name, or a deal title. */
export const hasNameColumn = (map: ColumnMap): boolean =>
  Boolean(map.roles.name || map.roles.firstName || map.roles.lastName || map.roles.title);

// CSV injection: a spreadsheet runs a cell starting with one of these as a formula.
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * Our export prefixes such a cell with a single quote (OWASP's advice). A cell that already starts
 * with quotes before one of them gets one more, so that unguardCell gives back exactly the text.
 */
export const guardCell = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

/** Undoes guardCell: strips one quote in front of a formula character, and nothing else. */
export const unguardCell = (text: string): string => (text.startsWith("'") && FORMULA.test(text) ? text.slice(1) : text);
