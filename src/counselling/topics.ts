/**
 * The built-in counselling topics (api.md) with the Danish labels counsellors and reports use:
 * the one source of these labels (the statistics exports import them). A plan may add its own
 * next to these (counselling_topics table); a report stores those labels in its snapshot.
 */
export const BUILT_IN_TOPICS = {
  debt: 'Gæld',
  rent_arrears: 'Huslejerestance',
  family: 'Familie',
  digital_self_service: 'Digital selvbetjening (MitID, e-Boks, borger.dk)',
  benefits: 'Ydelser',
  employment: 'Beskæftigelse',
  education: 'Uddannelse',
  housing: 'Bolig',
  health: 'Sundhed',
  residence_permit: 'Opholdstilladelse',
  other: 'Andet',
} as const;

export type BuiltInTopic = keyof typeof BUILT_IN_TOPICS;

export const COUNSELLING_FORMS = ['open_drop_in', 'appointment', 'outreach', 'job_cafe', 'event'] as const;
export type CounsellingForm = (typeof COUNSELLING_FORMS)[number];

export const FORM_LABELS: Record<CounsellingForm, string> = {
  open_drop_in: 'Åben Rådgivning',
  appointment: 'Rådgivning efter aftale',
  outreach: 'Opsøgende rådgivning',
  job_cafe: 'Jobcafé',
  event: 'Arrangement',
};

export const CONTACT_CHANNELS = ['in_person', 'phone', 'email', 'home_visit', 'video'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  in_person: 'Personligt fremmøde',
  phone: 'Telefon',
  email: 'E-mail',
  home_visit: 'Hjemmebesøg',
  video: 'Video',
};
