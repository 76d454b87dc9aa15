/**
 * The audit log's actions and purposes in Danish, for what a resident is handed (their access
 * log and their copy): the one source of these labels. An action or purpose without a label is
 * shown by its code rather than hidden.
 */
export const ACTION_LABELS: Record<string, string> = {
  'resident.registered': 'Oprettede beboeren',
  'resident.registered_despite_possible_duplicates': 'Oprettede beboeren, selv om en mulig dublet fandtes (bekræftet: ikke samme person)',
  'resident.confirmed_not_duplicate': 'Bekræftede at beboeren ikke er en dublet',
  'resident.updated': 'Ændrede beboerens oplysninger',
  'resident.read': 'Så beboerens oplysninger',
  'resident.listed': 'Så beboeren i en liste',
  'resident.exported': 'Udleverede en kopi af beboerens data',
  'resident.access_log_read': 'Så hvem der har set beboerens data',
  'resident.erased': 'Slettede beboerens personoplysninger',
  'read.refused': 'Forsøgte at se oplysninger og fik afslag',
  'audit_log.read': 'Så logningen af hvem der har set og ændret oplysninger',
  'answer.replayed': 'Så beboerens oplysninger igen (svaret på en gentaget forespørgsel)',
  'guardian.added': 'Tilføjede en forælder/værge',
  'consent.given': 'Registrerede et samtykke',
  'consent.withdrawn': 'Registrerede tilbagetrækning af et samtykke',
  'consent.listed': 'Så beboerens samtykker',
  'counselling_case.opened': 'Oprettede en rådgivningssag',
  'counselling_case.read': 'Så en rådgivningssag',
  'counselling_case.listed': 'Så en rådgivningssag i en liste',
  'counselling_case.closed': 'Afsluttede en rådgivningssag',
  'counselling_case.reopened': 'Genåbnede en rådgivningssag',
  'counselling_contact.recorded': 'Registrerede en samtale',
  'counselling_referral.recorded': 'Registrerede en henvisning',
  'counselling_referral_recipients.read': 'Så hvilke modtagere beboerens samtykke tillader en henvisning til',
  'counselling_referral.listed': 'Så en henvisning i en liste',
  'counselling_referral.read': 'Så en henvisning',
  'counselling_referral.status_changed': 'Ændrede status på en henvisning',
  'internship.started': 'Registrerede en praktikplads',
  'internship.read': 'Så en praktikplads',
  'internship.listed': 'Så en praktikplads i en liste',
  'internship.ended': 'Afsluttede en praktikplads',
  'jobcentre_enrolment.started': 'Registrerede et jobcenterforløb',
  'jobcentre_enrolment.read': 'Så et jobcenterforløb',
  'jobcentre_enrolment.listed': 'Så et jobcenterforløb i en liste',
  'jobcentre_enrolment.quarter_marked': 'Markerede et kvartal i et jobcenterforløb',
  'jobcentre_enrolment.ended': 'Afsluttede et jobcenterforløb',
  'small_job.started': 'Registrerede et småjob',
  'small_job.read': 'Så et småjob',
  'small_job.listed': 'Så et småjob i en liste',
  'small_job.ended': 'Afsluttede et småjob',
  'outreach_list.created': 'Oprettede en liste til opsøgende arbejde',
  'outreach_list.read': 'Så en liste til opsøgende arbejde med navne',
  'outreach_person.added': 'Tilføjede en ung til en liste til opsøgende arbejde',
  'outreach_person.read': 'Så beboeren på en liste til opsøgende arbejde',
  'outreach_attempt.recorded': 'Registrerede et besøg ved døren',
  'job_programme.started': 'Startede et fritidsjobforløb',
  'job_programme.read': 'Så et fritidsjobforløb',
  'job_programme.listed': 'Så et fritidsjobforløb i en liste',
  'job_programme.phase_changed': 'Flyttede fritidsjobforløbet til en ny fase',
  'job_programme.conversation_recorded': 'Registrerede en samtale i fritidsjobforløbet',
  'job_programme.match_proposed': 'Foreslog et match med en virksomhed',
  'job_programme.employment_recorded': 'Registrerede ansættelsen',
  'job_programme.timesheet_recorded': 'Registrerede timer',
  'job_programme.timesheet_corrected': 'Rettede timerne for en uge',
  'reminder.listed': 'Så en påmindelse om beboeren',
  'activity_session.recorded': 'Registrerede beboerens deltagelse i en aktivitet',
  'activity_session.listed': 'Så beboerens deltagelse i en aktivitet',
  'activity_visit.recorded': 'Registrerede beboerens besøg i åben rådgivning',
  'activity_enrolment.started': 'Tilmeldte beboeren et forløb',
  'activity_enrolment.ended': 'Afsluttede beboerens tilmelding til et forløb',
  'activity_enrolment.listed': 'Så beboerens tilmelding til et forløb',
  'plan.updated': 'Ændrede helhedsplanens oplysninger',
  'housing_area.updated': 'Ændrede et boligområde',
  'organisation.updated': 'Ændrede en samarbejdspartner',
  'indicator.added': 'Tilføjede en indikator',
  'counselling_topic.added': 'Tilføjede et rådgivningsemne',
  'activity_kind.added': 'Tilføjede en aktivitetstype',
  'volunteer_topic.added': 'Tilføjede et emne for de frivilliges hjælp',
  'volunteer_coordinator.named': 'Udpegede de frivilliges koordinator',
  'indicator.updated': 'Ændrede en indikator',
  'indicator_value.recorded': 'Registrerede en indikatorværdi',
  'indicator_value.corrected': 'Rettede en indikatorværdi',
};

export const PURPOSE_LABELS: Record<string, string> = {
  resident_records: 'Beboerregistrering',
  counselling: 'Rådgivning',
  job_programmes: 'Fritidsjobforløb',
  jobcentre: 'Jobcenterets fremskudte indsats',
  employer_register: 'Virksomhedsregisteret',
  consent_ledger: 'Samtykker',
  shared_by_consent: 'Delt med samtykke fra beboeren',
  reminders: 'Påmindelser',
  statistics: 'Statistik',
  data_subject_rights: 'Beboerens rettigheder (indsigt og sletning)',
  retention: 'Automatisk sletning efter opbevaringsperioden',
  activities: 'Aktiviteter',
  outreach: 'Opsøgende arbejde',
  plan_administration: 'Administration af helhedsplanen',
  indicator_follow_up: 'Opfølgning på indikatorer',
  access_control: 'Adgangskontrol',
  oversight: 'Tilsyn med behandlingen af personoplysninger',
};

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Administrator',
  leader: 'Leder af helhedsplanen',
  counsellor: 'Social- og økonomisk rådgiver',
  social_worker: 'Fritidsjobmedarbejder',
  caseworker: 'Sagsbehandler',
  volunteer: 'Frivillig',
};

/** `job_programme.match_accepted` and other actions named after a state: labelled by their family. */
export function actionLabel(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  if (action.startsWith('job_programme.match_')) return 'Ændrede et match med en virksomhed';
  return action;
}

export const purposeLabel = (purpose: string): string => PURPOSE_LABELS[purpose] ?? purpose;
export const roleLabel = (role: string | null): string => (role ? (ROLE_LABELS[role] ?? role) : 'Systemet');
