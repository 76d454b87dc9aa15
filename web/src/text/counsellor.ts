import { formatDate } from './format';

/**
 * The counsellor's screens in Danish (issue 21, "The counsellor's afternoon"): every word the
 * screens show lives here, so an English or Arabic version is a translation of this file.
 */

export const TOPICS: Record<string, string> = {
  debt: 'Gæld',
  rent_arrears: 'Huslejerestance',
  family: 'Familie',
  digital_self_service: 'Digital selvbetjening',
  benefits: 'Ydelser',
  employment: 'Beskæftigelse',
  education: 'Uddannelse',
  housing: 'Bolig',
  health: 'Sundhed',
  residence_permit: 'Opholdstilladelse',
  other: 'Andet',
};

export const FORMS: Record<string, string> = {
  open_drop_in: 'Åben rådgivning',
  appointment: 'Efter aftale',
  outreach: 'Opsøgende',
  job_cafe: 'Jobcafé',
  event: 'Arrangement',
};

export const CHANNELS: Record<string, string> = {
  in_person: 'Personligt fremmøde',
  phone: 'Telefon',
  email: 'E-mail',
  home_visit: 'Hjemmebesøg',
  video: 'Video',
};

export const GENDERS: Record<string, string> = {
  female: 'Kvinde',
  male: 'Mand',
  other: 'Andet',
  unknown: 'Ikke oplyst',
};

export const CONSENT_STATUS: Record<string, string> = {
  pending: 'Træder i kraft senere',
  active: 'Aktivt',
  withdrawn: 'Trukket tilbage',
  expired: 'Udløbet',
};

export const CONSENT_SCOPES: Record<string, string> = {
  share_counselling: 'Deling af rådgivning',
  share_job_programme: 'Deling af fritidsjobforløb',
  job_programme_participation: 'Deltagelse i fritidsjobforløb',
  share_jobcentre: 'Deling af jobcenterforløb',
};

export const REFERRAL_STATUS: Record<string, string> = {
  sent: 'Sendt',
  accepted: 'Modtaget',
  rejected: 'Afvist',
  completed: 'Afsluttet',
  revoked: 'Trukket tilbage',
};

export const CASE_STATUS: Record<string, string> = { open: 'Åben', closed: 'Afsluttet' };

export const nav = {
  today: 'I dag',
  residents: 'Beboere',
  cases: 'Sager',
};

export const today = {
  title: 'I dag',
  intro: 'Dagens åbne rådgivning i dine boligområder. Tryk på "Registrer besøg", når en beboer kommer ind ad døren.',
  loading: 'Henter dagens tider …',
  none: 'Der er ingen faste tider i dag.',
  area: 'Boligområde',
  allAreas: 'Alle boligområder',
  slotTime: (start: string, end: string) => `kl. ${start.replace(':', '.')}–${end.replace(':', '.')}`,
  wholePlan: 'Hele planen',
  state: { upcoming: 'Senere i dag', open: 'Åben nu', ended: 'Slut' } as Record<string, string>,
  headcount: (n: number) => (n === 1 ? '1 besøgende' : `${n} besøgende`),
  breakdown: (h: { women: number | null; men: number | null; youth: number | null; adults: number | null }) =>
    [h.women ? `${h.women} kvinder` : '', h.men ? `${h.men} mænd` : '', h.youth ? `${h.youth} unge` : '', h.adults ? `${h.adults} voksne` : ''].filter(Boolean).join(', '),
  genderLegend: 'Køn (valgfrit)',
  ageLegend: 'Alder (valgfrit)',
  woman: 'Kvinde',
  man: 'Mand',
  youth: 'Ung',
  adult: 'Voksen',
  notGiven: 'Ikke angivet',
  record: 'Registrer besøg',
  recordFor: (name: string) => `Registrer besøg ved ${name}`,
  recorded: (name: string) => `Besøget er registreret ved ${name}.`,
  queued: (name: string) => `Ingen forbindelse: besøget ved ${name} sendes, når forbindelsen er tilbage.`,
  notYet: 'Tiden er ikke begyndt endnu.',
  ended: 'Tiden er slut for i dag.',
};

export const outbox = {
  waiting: (n: number) => (n === 1 ? '1 venter på at blive sendt' : `${n} venter på at blive sendt`),
  offline: 'Ingen forbindelse. Det du registrerer, gemmes og sendes, når forbindelsen er tilbage.',
  sending: 'Sender …',
  allSent: 'Alt er sendt.',
  refused: 'Blev ikke modtaget:',
  visit: 'Besøg',
  contact: 'Samtale',
  dismiss: 'Fjern',
  leaveWarning: 'Der er registreringer, som endnu ikke er sendt. Hvis du logger ud, går samtalerne tabt.',
  confirmLogout: 'Log ud alligevel',
  stay: 'Bliv logget ind',
};

export const residents = {
  title: 'Beboere',
  searchLabel: 'Søg på navn, telefon eller pseudonym',
  search: 'Søg',
  searching: 'Søger …',
  noMatches: 'Ingen beboere matcher søgningen.',
  results: (n: number) => (n === 1 ? '1 beboer' : `${n} beboere`),
  name: 'Navn',
  pseudonym: 'Pseudonym',
  area: 'Boligområde',
  phone: 'Telefon',
  birth: 'Født',
  anonymousName: (pseudonym: string) => `Anonym (${pseudonym})`,
  register: 'Opret beboer',
  registerTitle: 'Opret en beboer',
  anonymous: 'Anonym beboer (intet navn, ingen kontaktoplysninger; får et pseudonym)',
  firstName: 'Fornavn',
  lastName: 'Efternavn',
  birthDate: 'Fødselsdato',
  birthYear: 'Fødselsår',
  gender: 'Køn',
  email: 'E-mail',
  chooseArea: 'Vælg boligområde',
  save: 'Opret',
  created: 'Beboeren er oprettet.',
  duplicateTitle: 'Findes beboeren allerede?',
  duplicateIntro: 'Der findes allerede en beboer med samme navn og fødselsdato eller samme telefonnummer. Sammenlign, før du opretter en ny.',
  youEntered: 'Det du har indtastet',
  likelyMatch: 'Mulig dublet',
  useThis: 'Brug denne beboer',
  differentPerson: 'Det er en anden person',
  notVisible: 'Beboeren kan ikke vises.',
  cancel: 'Annuller',
};

export const resident = {
  cases: 'Sager',
  consents: 'Samtykker',
  noCases: 'Beboeren har ingen sager.',
  noConsents: 'Beboeren har ikke givet samtykke.',
  openCase: 'Opret sag med første samtale',
  topic: 'Emne',
  subject: 'Kort beskrivelse (valgfri, undgå følsomme oplysninger)',
  form: 'Rådgivningsform',
  firstConversation: 'Første samtale',
  channel: 'Kontaktform',
  duration: 'Varighed i minutter (valgfri)',
  note: 'Notat (valgfrit)',
  withAppointment: 'Efter aftale',
  create: 'Opret sag',
  caseCreated: 'Sagen er oprettet.',
  existingCase: 'Beboeren har allerede en åben sag om dette emne.',
  goToExisting: 'Gå til den åbne sag',
  anotherMatter: 'Det er en anden sag om samme emne',
  recipients: 'Modtagere',
  given: 'Givet',
  by: { resident: 'Beboeren', guardian: 'Forælder/værge' } as Record<string, string>,
  form_: { oral: 'Mundtligt', written: 'Skriftligt' } as Record<string, string>,
  loading: 'Henter beboeren …',
};

export const cases = {
  title: 'Sager',
  filters: 'Filtrer',
  status: 'Status',
  topic: 'Emne',
  area: 'Boligområde',
  form: 'Rådgivningsform',
  all: 'Alle',
  apply: 'Vis',
  none: 'Ingen sager matcher.',
  resident: 'Beboer',
  opened: 'Oprettet',
  closed: 'Afsluttet',
  more: 'Vis flere',
  loading: 'Henter sager …',
};

export const caseView = {
  title: (topic: string) => `Sag: ${topic}`,
  timeline: 'Forløb',
  opened: 'Sagen blev oprettet',
  closed: 'Sagen blev afsluttet',
  conversation: (channel: string) => `Samtale (${channel.toLowerCase()})`,
  referral: (to: string) => `Henvist til ${to}`,
  minutes: (n: number) => `${n} min.`,
  noteWithheld: 'Notatet vises ikke for dig.',
  logConversation: 'Registrer en samtale',
  occurredAt: 'Tidspunkt',
  channel: 'Kontaktform',
  duration: 'Varighed i minutter (valgfri)',
  note: 'Notat (valgfrit)',
  nowHint: 'Udfyldt med nu; ret det, hvis samtalen var tidligere.',
  save: 'Gem samtale',
  saved: 'Samtalen er gemt.',
  queued: 'Ingen forbindelse: samtalen sendes, når forbindelsen er tilbage. Luk ikke siden før.',
  refer: 'Henvis',
  recipient: 'Modtager',
  chooseRecipient: 'Vælg modtager',
  otherRecipient: 'Anden modtager (uden for systemet)',
  recipientName: 'Modtagerens navn',
  reason: 'Begrundelse (valgfri)',
  consentAllows: 'Beboerens samtykke tillader henvisningen.',
  consentMissing: 'Beboeren har ikke givet samtykke til deling med denne modtager.',
  consentWithdrawn: (date: string) => `Beboerens samtykke til denne modtager blev trukket tilbage ${date}.`,
  consentExpired: (date: string) => `Beboerens samtykke til denne modtager udløb ${date}.`,
  consentOtherRecipients: 'Beboerens samtykke omfatter ikke denne modtager.',
  recordConsent: 'Registrer samtykke nu',
  consentLegend: 'Samtykke til deling med modtageren',
  consentGivenBy: 'Givet af',
  consentForm: 'Form',
  oral: 'Mundtligt',
  written: 'Skriftligt',
  consentRecorded: 'Samtykket er registreret.',
  sendReferral: 'Send henvisning',
  referred: 'Henvisningen er sendt.',
  close: 'Afslut sagen',
  outcome: 'Resultat (valgfrit)',
  confirmClose: 'Afslut',
  closedNotice: 'Sagen er afsluttet.',
  reopen: 'Genåbn sagen',
  reopened: 'Sagen er genåbnet.',
  resident: 'Beboer',
  status: 'Status',
  form: 'Form',
  loading: 'Henter sagen …',
  cancel: 'Annuller',
};

/** A referral refused for want of consent names the consent (latestConsent): say which, and what it needs. */
export function consentRefusal(k: { status: string; namesRecipient: boolean; withdrawnAt: string | null; expiresAt: string | null } | null | undefined): string {
  if (!k) return 'Beboeren har ikke givet samtykke til at dele rådgivningen. Registrer samtykket, når beboeren har givet det.';
  if (!k.namesRecipient) return 'Beboerens samtykke omfatter ikke denne modtager. Et nyt samtykke, der nævner modtageren, er nødvendigt.';
  if (k.status === 'withdrawn' && k.withdrawnAt) return `Beboeren trak samtykket til denne modtager tilbage ${formatDate(k.withdrawnAt)}. Kun et nyt samtykke fra beboeren tillader henvisningen.`;
  if (k.status === 'expired' && k.expiresAt) return `Beboerens samtykke til denne modtager udløb ${formatDate(k.expiresAt)}. Et nyt samtykke er nødvendigt.`;
  if (k.status === 'pending') return 'Beboerens samtykke til denne modtager gælder først fra en senere dato.';
  return 'Beboerens samtykke tillader ikke henvisningen.';
}
