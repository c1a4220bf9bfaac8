// The demo's sample team: a manager in New York and three reps following the sun.

export const DEMO_TEAM_ID = 'T0DEMO';

export interface DemoPerson {
  id: string;
  /** What the story calls them. */
  name: string;
  realName: string;
  email: string;
  zone: string;
  role: 'rep' | 'manager';
}

const person = (id: string, realName: string, zone: string, role: DemoPerson['role']): DemoPerson => {
  const name = realName.split(' ')[0]!;
  return { id, name, realName, email: `${name.toLowerCase()}@example.com`, zone, role };
};

export const MANAGER = person('U0DANA', 'Dana Whitfield', 'America/New_York', 'manager');

/** In the order their mornings come: Tokyo, then Berlin, then New York. */
export const REPS = [
  person('U0KENJI', 'Kenji Sato', 'Asia/Tokyo', 'rep'),
  person('U0MAYA', 'Maya Fischer', 'Europe/Berlin', 'rep'),
  person('U0SAM', 'Sam Ortiz', 'America/New_York', 'rep'),
] as const;

export const [KENJI, MAYA, SAM] = REPS;

export const PEOPLE: readonly DemoPerson[] = [MANAGER, ...REPS];

/** The managers' channel the weekly digest goes to. */
export const SALES_CHANNEL = { id: 'C0SALES', name: 'sales' } as const;

/** "Maya (rep, Europe/Berlin)": who sees a message, as the story labels it. */
export const whoIs = (p: DemoPerson): string => `${p.name} (${p.role}, ${p.zone})`;
