import type { Role } from '../app/roles';

/** Text of the shell and shared pieces. Every user-facing string of a screen family lives in its file under text/. */
export const common = {
  serviceName: 'Helhedsplan',
  skipLink: 'Gå til indhold',
  mainNavigation: 'Hovedmenu',
  signOut: 'Log ud',
  signedInAs: (name: string, role: string) => `${name}, ${role}`,
  loading: 'Indlæser …',
  empty: 'Der er intet at vise.',
  errorSummaryHeading: 'Der er et problem',
  notFoundHeading: 'Siden findes ikke',
  notFoundBody: 'Siden, du leder efter, findes ikke. Tjek adressen, eller gå til forsiden.',
  toFrontPage: 'Gå til forsiden',
  homeHeading: 'Forside',
  homeComingSoon: 'Dine skærmbilleder i Helhedsplan kommer snart; indtil da bruger du API-dokumentationen.',
  nav: {
    today: 'I dag',
    residents: 'Beboere',
    cases: 'Sager',
    referrals: 'Henvisninger',
    sharedResidents: 'Delte beboere',
    programmes: 'Forløb',
    employers: 'Virksomheder',
    home: 'Forside',
  },
  roles: {
    admin: 'administrator',
    leader: 'leder',
    counsellor: 'rådgiver',
    social_worker: 'socialrådgiver',
    caseworker: 'sagsbehandler',
  } satisfies Record<Role, string>,
} as const;
