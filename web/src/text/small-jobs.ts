/** The counsellor's småjobs screens, in Danish. */

export type SmallJobOutcome = 'more_hours' | 'ordinary_job' | 'ended';

/** The outcomes as src/small-jobs/small-job-rules.ts labels them. */
export const smallJobOutcomeLabel = {
  more_hours: 'Flere timer',
  ordinary_job: 'Ordinært job',
  ended: 'Afsluttet',
} as const satisfies Record<SmallJobOutcome, string>;

export const ageGroupLabel: Record<string, string> = {
  '18-29': '18-29 år',
  '30-64': '30-64 år',
  '65+': '65 år og derover',
  unknown: 'Ukendt alder',
};

export const smallJobs = {
  heading: 'Småjobs',
  intro: 'Småjobs er få timer om ugen (1 til 15) hos en af planens arbejdsgivere, ofte boligorganisationen. De er for beboere på 18 år og derover.',
  caption: 'Småjobs, nyeste først',
  none: 'Der er ingen småjobs endnu.',
  resident: 'Beboer',
  employer: 'Arbejdsgiver',
  startsOn: 'Startdato',
  hours: 'Timer om ugen',
  ageGroup: 'Alder ved start',
  status: 'Status',
  running: 'I gang',
  endedOn: (outcome: string, date: string) => `${outcome} (${date})`,
  end: 'Afslut',
  endFor: (name: string) => `Afslut småjobbet for ${name}`,
  endedOnField: 'Slutdato',
  outcomeField: 'Hvordan endte det?',
  endSubmit: 'Afslut småjobbet',
  ended: 'Småjobbet er afsluttet.',
  cancel: 'Fortryd',
  startHeading: 'Start et småjob',
  searchField: 'Find beboeren (navn, telefon eller pseudonym)',
  search: 'Søg',
  noMatches: 'Ingen beboere fundet. Beboeren skal være oprettet under Beboere.',
  residentField: 'Beboer',
  chooseResident: 'Vælg en beboer',
  employerField: 'Arbejdsgiver',
  chooseEmployer: 'Vælg en arbejdsgiver',
  noEmployers: 'Planen har ingen arbejdsgivere endnu; opret dem under Virksomheder.',
  hoursField: 'Timer om ugen',
  hoursHint: 'Fra 1 til 15 timer, fx 6 eller 7,5.',
  startSubmit: 'Start småjobbet',
  started: 'Småjobbet er startet.',
  pickResident: 'Vælg først en beboer.',
  pickEmployer: 'Vælg en arbejdsgiver.',
  more: 'Vis flere',
} as const;
