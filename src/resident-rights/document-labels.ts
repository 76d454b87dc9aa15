import { BUILT_IN_ACTIVITY_KINDS, ENROLMENT_OUTCOME_LABELS } from '../activities/activity-kinds';
import { SCOPE_LABELS } from '../consents/consent.entity';
import { REFERRAL_STATUS_LABELS } from '../counselling/referrals/referral-status-machine';
import { BUILT_IN_TOPICS, CHANNEL_LABELS, FORM_LABELS } from '../counselling/topics';
import { INTERNSHIP_OUTCOME_LABELS } from '../internships/internship-rules';
import { CRITERION_LABELS, END_REASON_LABELS, TARGET_GROUP_LABELS } from '../jobcentre/jobcentre-rules';
import { SMALL_JOB_OUTCOME_LABELS } from '../small-jobs/small-job-rules';
import { ATTEMPT_OUTCOME_LABELS } from '../outreach/outreach-rules';
import { PHASE_LABELS } from '../job-programmes/phase-machine';
import { RELATION_LABELS } from '../residents/guardian.entity';
import { REFERRED_FROM_LABELS } from '../residents/referred-from';
import { GENDER_LABELS } from '../residents/resident.entity';

/*
 * Every coded value in a document handed to a resident (their copy, JSON and PDF) has a Danish
 * label next to it: `topic: 'debt'` comes with `topicLabel: 'Gæld'`. The codes stay (the copy is
 * also machine-readable), but a resident never has to read one. One table for the whole copy, so
 * a coded field added to a section without its words is found by one test
 * (test/e2e/resident-documents-danish.e2e-spec.ts) rather than by a resident.
 */

type Labels = Readonly<Record<string, string>>;

export const COMPARTMENT_LABELS: Labels = { counselling: 'Social- og økonomisk rådgivning', job_programmes: 'Fritidsjob', jobcentre: 'Jobcenterets fremskudte indsats' };
export const ERASURE_REASON_LABELS: Labels = {
  resident_request: 'Beboeren bad om det',
  consent_withdrawn: 'Samtykket blev trukket tilbage',
  no_longer_needed: 'Oplysningerne var ikke længere nødvendige',
  objection: 'Beboeren gjorde indsigelse',
  unlawful_processing: 'Oplysningerne var behandlet ulovligt',
  retention: 'Opbevaringsperioden var udløbet',
};
const GIVEN_BY_LABELS: Labels = { resident: 'Beboeren', guardian: 'Forælder eller værge' };
const CONSENT_FORM_LABELS: Labels = { oral: 'Mundtligt', written: 'Skriftligt' };
const CASE_STATUS_LABELS: Labels = { open: 'Åben', closed: 'Afsluttet' };
const CONVERSATION_KIND_LABELS: Labels = {
  clarification: 'Afklaringssamtale',
  interview: 'Jobsamtale',
  evaluation: 'Evalueringssamtale',
  follow_up: 'Opfølgning',
  incident: 'Hændelse',
};
const PARTICIPANT_LABELS: Labels = { youth: 'Den unge', guardian: 'Forælder eller værge', employer: 'Arbejdsgiver' };
const MATCH_STATUS_LABELS: Labels = {
  proposed: 'Foreslået',
  interview_scheduled: 'Jobsamtale aftalt',
  accepted: 'Accepteret',
  declined: 'Afslået',
  withdrawn: 'Trukket tilbage',
};

/** For each section: its coded fields and their labels, and its lists of items that have coded fields of their own. */
interface Shape {
  [field: string]: Labels | Shape;
}

const isLabels = (x: Labels | Shape): x is Labels => Object.values(x).every((v) => typeof v === 'string');

export const COPY_SHAPE: Shape = {
  resident: { gender: GENDER_LABELS, compartment: COMPARTMENT_LABELS, erasureReason: ERASURE_REASON_LABELS },
  guardians: { relation: RELATION_LABELS },
  consents: { scope: SCOPE_LABELS, givenBy: GIVEN_BY_LABELS, guardianRelation: RELATION_LABELS, form: CONSENT_FORM_LABELS },
  counsellingCases: {
    topic: BUILT_IN_TOPICS,
    form: FORM_LABELS,
    status: CASE_STATUS_LABELS,
    referredFrom: REFERRED_FROM_LABELS,
    contacts: { channel: CHANNEL_LABELS },
    referrals: { status: REFERRAL_STATUS_LABELS, statusHistory: { from: REFERRAL_STATUS_LABELS, to: REFERRAL_STATUS_LABELS } },
  },
  jobProgrammes: {
    phase: PHASE_LABELS,
    transitions: { from: PHASE_LABELS, to: PHASE_LABELS },
    conversations: { kind: CONVERSATION_KIND_LABELS, participants: PARTICIPANT_LABELS },
    matches: { status: MATCH_STATUS_LABELS },
  },
  internships: { referredFrom: REFERRED_FROM_LABELS, outcome: INTERNSHIP_OUTCOME_LABELS },
  jobcentreEnrolments: { targetGroup: TARGET_GROUP_LABELS, criteriaMet: CRITERION_LABELS, endReason: END_REASON_LABELS },
  smallJobs: { outcome: SMALL_JOB_OUTCOME_LABELS },
  outreach: { attempts: { outcome: ATTEMPT_OUTCOME_LABELS } },
  activities: {
    enrolments: { kind: BUILT_IN_ACTIVITY_KINDS, outcome: ENROLMENT_OUTCOME_LABELS, referredFrom: REFERRED_FROM_LABELS },
    sessions: { kind: BUILT_IN_ACTIVITY_KINDS },
  },
};

/**
 * Adds `<field>Label` next to every coded field of an item (or list of items), in place. A label
 * the section already found (a plan's own topic or activity kind) is kept; a code no table knows
 * is labelled by itself rather than dropped, and the test above keeps that from happening.
 */
export function addLabels(value: unknown, shape: Shape = COPY_SHAPE): void {
  if (Array.isArray(value)) {
    for (const item of value) addLabels(item, shape);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const item = value as Record<string, unknown>;
  for (const [field, inner] of Object.entries(shape)) {
    if (!isLabels(inner)) {
      addLabels(item[field], inner);
      continue;
    }
    const code = item[field];
    const labelField = `${field}Label`;
    if (Array.isArray(code)) {
      item[labelField] = code.map((c) => (typeof c === 'string' ? (inner[c] ?? c) : c));
      continue;
    }
    if (typeof code !== 'string') {
      if (!(labelField in item)) item[labelField] = null;
      continue;
    }
    if (typeof item[labelField] === 'string' && item[labelField] !== '') continue;
    item[labelField] = inner[code] ?? code;
  }
}
