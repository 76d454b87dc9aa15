import { BUILT_IN_TOPICS, CHANNEL_LABELS, FORM_LABELS } from '../counselling/topics';
import { BUILT_IN_ACTIVITY_KINDS, ENROLMENT_OUTCOME_LABELS } from '../activities/activity-kinds';
import { BUILT_IN_VOLUNTEER_TOPICS } from '../volunteers/volunteer-topics';
import { REFERRAL_STATUS_LABELS } from '../counselling/referrals/referral-status-machine';
import type { JobcentreFigures } from '../jobcentre/jobcentre-figures';
import { END_REASON_LABELS, TARGET_GROUP_LABELS } from '../jobcentre/jobcentre-rules';
import { PHASE_LABELS } from '../job-programmes/phase-machine';
import { GENDER_LABELS } from '../residents/resident.entity';
import type { TargetBasis } from '../indicators/indicator-targets';
import type { IndicatorMetric, TargetKind } from '../indicators/plan-indicator.entity';
import type { EmployersResult } from '../employers/employers-report-queries';

export type { EmployersResult } from '../employers/employers-report-queries';

/**
 * The half-year report's `result` (api.md "Half-year statistics"), as stored in the immutable
 * snapshot. `by*` maps a key (topic, form, area name, ...) to a count.
 */
export type Counts = Record<string, number>;

export interface IndicatorValue {
  id: string;
  goal: string;
  indicator: string;
  unit: string;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  dataSource: string;
  /**
   * The figure of this report the value is computed from, so the exports can hide the value
   * wherever they hide that figure; null when the value comes from outside. Absent in snapshots
   * from before it was recorded: the exports then treat the value conservatively.
   */
  metric?: IndicatorMetric | null;
  /** The value for the period: computed where the system can, else the leader's recorded value for the half-year; null when neither. */
  value: number | null;
  /*
   * Recorded since indicator values and half-year targets (absent in older snapshots, which the
   * exports print with their yearly target, labelled as such).
   */
  baselineSource?: string | null;
  targetYear?: number | null;
  targetKind?: TargetKind;
  /** The target for this half-year (half of a yearly amount, or the level), never a whole year's next to half a year's value. */
  periodTarget?: number | null;
  targetBasis?: TargetBasis;
  /** The recorded value as the report read it (source, note, which correction); null for a computed value or none. */
  recordedValue?: { source: string | null; note: string | null; revision: number; recordedAt: string } | null;
}

export interface HalfYearResult {
  period: { from: string; to: string; year: number; half: 1 | 2; interim: boolean };
  counselling: {
    casesStarted: number;
    casesActive: number;
    casesClosed: number;
    contacts: number;
    uniqueResidents: number;
    anonymousResidents: number;
    byTopic: Counts;
    byForm: Counts;
    byHousingArea: Counts;
    byAgeBand: Counts;
    byGender: Counts;
    contactsByChannel: Counts;
    referralsByRecipient: Counts;
    /**
     * The labels of the plan's own topics (counselling_topics) as they read when the report was
     * computed, so every export of this snapshot prints them the same way later. Absent in
     * snapshots from before they were recorded: those print the keys.
     */
    topicLabels?: Record<string, string>;
  };
  jobProgrammes: {
    started: number;
    targetPerYear: number;
    byPhaseAtEnd: Counts;
    ended: number;
    toOrdinaryJob: number;
    ordinaryJobShare: number | null;
    employersActive: number;
    newAgreements: number;
  };
  consents: { given: number; withdrawn: number; activeAtEnd: number };
  /**
   * The plan's other activities (issue 12): sessions by the half-year of their start in Danish
   * time, head counts (anonymous visitors included), named participants counted once. Absent in
   * snapshots from before activities were recorded.
   */
  activities?: ActivitiesResult;
  /** Referrals made in the period by their status at its end. Absent in older snapshots. */
  referrals?: ReferralsResult;
  /** Volunteers' help in the period (issue 23). Absent in snapshots from before volunteers were recorded. */
  volunteers?: VolunteersResult;
  /**
   * The job centre's caseload in the half-year (issue 23; jobcentre/jobcentre-figures.ts defines
   * each figure). Absent in snapshots from before the caseload was recorded.
   */
  jobcentre?: JobcentreFigures;
  /** The employer register (issue 23): approached, new agreements, network members, meetings. Absent in older snapshots. */
  employers?: EmployersResult;
  /** Småjobs started and ended in the period (issue 23). Absent in older snapshots. */
  smallJobs?: SmallJobsResult;
  /** Door-to-door outreach attempts in the period (issue 23). Absent in older snapshots. */
  outreach?: OutreachResult;
  indicators: IndicatorValue[];
}

/** The key of activities for the whole plan (no housing area) in `byHousingArea`. */
export const WHOLE_PLAN = 'whole_plan';

export interface ActivitiesResult {
  sessions: number;
  headcount: number;
  uniqueParticipants: number;
  byKind: Record<string, ActivityCounts>;
  /** By housing area name; `whole_plan` for activities of the whole plan. */
  byHousingArea: Record<string, ActivityCounts>;
  enrolmentsStarted: number;
  enrolmentsEnded: number;
  enrolmentsByOutcome: Counts;
  internshipsStarted: number;
  internshipsEnded: number;
  internshipsToJob: number;
  /** The labels of the plan's own activity kinds when the report was computed (as `topicLabels`). */
  kindLabels?: Record<string, string>;
}

/** Småjobs started (by the resident's age group on the first day) and ended (by outcome) in the period. */
export interface SmallJobsResult {
  started: number;
  ended: number;
  byOutcome: Counts;
  /** 18-29, 30-64 (the seeds' group), 65+ and unknown, by age on the first day. */
  byAgeGroup: Counts;
}

/** Outreach attempts in the period; `talked` counts every attempt that was not `not_home`. */
export interface OutreachResult {
  attempts: number;
  talked: number;
  offersAccepted: number;
  byOutcome: Counts;
}

/** Referrals made in the period by their status at its end. */
export interface ReferralsResult {
  byStatus: Counts;
}

/**
 * The help the plan's volunteers gave, by the half-year of its time in Danish time. No resident is
 * recorded with it: `entries` are times someone was helped, `escorts` those where the volunteer
 * went along to an appointment, `activeVolunteers` the volunteers with at least one entry.
 */
export interface VolunteersResult {
  activeVolunteers: number;
  entries: number;
  byTopic: Counts;
  escorts: number;
  /** The labels of the plan's own volunteer-help topics when the report was computed (as `topicLabels`). */
  topicLabels?: Record<string, string>;
}

export interface ActivityCounts {
  sessions: number;
  headcount: number;
  uniqueParticipants: number;
}

/**
 * Danish labels for exported reports (the board and LBF read Danish), each owned by the module
 * whose enum it names (topics, forms, channels: counselling/topics.ts; genders: residents; phases:
 * the job-programme phase machine), so a label reads the same in the app and in the board's report.
 */
export const LABELS = {
  topics: BUILT_IN_TOPICS as Record<string, string>,
  forms: FORM_LABELS as Record<string, string>,
  channels: CHANNEL_LABELS as Record<string, string>,
  genders: GENDER_LABELS as Record<string, string>,
  phases: PHASE_LABELS as Record<string, string>,
  activityKinds: BUILT_IN_ACTIVITY_KINDS as Record<string, string>,
  enrolmentOutcomes: ENROLMENT_OUTCOME_LABELS as Record<string, string>,
  referralStatuses: REFERRAL_STATUS_LABELS as Record<string, string>,
  volunteerTopics: BUILT_IN_VOLUNTEER_TOPICS as Record<string, string>,
  targetGroups: TARGET_GROUP_LABELS as Record<string, string>,
  jobcentreEndReasons: END_REASON_LABELS as Record<string, string>,
} as const;

/** The age bands reports use; age is taken at the end of the period. */
export const AGE_BANDS = ['0-17', '18-29', '30-49', '50-66', '67+', 'unknown'] as const;
