/**
 * The built-in kinds of activity (api.md "Activities") with the Danish labels staff and reports
 * use: the one source of these labels (the half-year report imports them). A plan may add its own
 * kinds next to these (activity_kinds table), as it adds counselling topics.
 */
export const BUILT_IN_ACTIVITY_KINDS = {
  open_counselling: 'Åben rådgivning',
  workshop: 'Workshop',
  course: 'Kursus',
  event: 'Arrangement',
  network_meeting: 'Netværksmøde',
  job_cafe: 'Jobcafé',
  outreach: 'Opsøgende arbejde',
  volunteer_group: 'Frivilliggruppe',
} as const;

export type BuiltInActivityKind = keyof typeof BUILT_IN_ACTIVITY_KINDS;


/** How an enrolment ended (issue 12). */
export const ENROLMENT_OUTCOMES = ['completed', 'dropped_out', 'job', 'education', 'other'] as const;
export type EnrolmentOutcome = (typeof ENROLMENT_OUTCOMES)[number];

export const ENROLMENT_OUTCOME_LABELS: Record<EnrolmentOutcome, string> = {
  completed: 'Gennemført',
  dropped_out: 'Stoppet undervejs',
  job: 'Job',
  education: 'Uddannelse',
  other: 'Andet',
};
