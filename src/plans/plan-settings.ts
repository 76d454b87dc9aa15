import type { ProblemItem } from '../common/domain-errors';
import type { Plan } from './entities/plan.entity';

/** Both ends included. */
export interface Range {
  min: number;
  max: number;
}

/** A range as messages write it: "2-6", or "4" when both ends are the same. */
export const rangeText = ({ min, max }: Range): string => (min === max ? `${min}` : `${min}-${max}`);

/** The leisure-job programme as a plan runs it (domain.md "The leisure-job programme"). */
export interface JobProgrammeSettings {
  /** Age on the programme's start day. */
  minAge: number;
  maxAge: number;
  /** An employment outside these ranges needs an exceptionReason. */
  hoursPerWeek: Range;
  months: Range;
  /** Programmes started a year, reported against in the half-year statistics. */
  targetPerYear: number;
}

/** What a plan decides for itself, read and replaced as one document at /plans/:planId/settings. */
export interface PlanSettings {
  guardianConsentBelowAge: number;
  suppressionThreshold: number;
  retentionMonths: number;
  jobProgramme: JobProgrammeSettings;
  /** An active account not seen (signed in or refreshed) for this many days is deactivated by the nightly job. */
  deactivateUnusedAccountsAfterDays: number;
  /**
   * Besides the plan's leaders and the platform admin, who may approve a grant that reads a
   * compartment's notes: for a plan with a single leader, whose own requests need someone else.
   */
  approverUserId: string | null;
  /** Whether an account linked to a single sign-on identity keeps its local password (default: it loses it). */
  ssoKeepsLocalPassword: boolean;
}

/**
 * The values a setting may take; the table's CHECKs say the same (migration 1733700000000).
 * - Programme ages 13-17: most work under 13 is forbidden (bekendtgørelse om unges arbejde), and
 *   the programme's guards (a guardian's consent and signature) are for minors. Varde's "13-18 år"
 *   (002_*) is 13-17 here: age is judged on the start day, so 17 takes everyone not yet 18.
 * - Guardian consent 13-18: below 13 no child consents alone; from 18 nobody needs a guardian.
 * - Suppression 1-50 and retention 6-240 months are the bounds the columns had already.
 * - Unused accounts 30-365 days: under a month would deactivate staff back from a summer holiday
 *   (three weeks in Denmark); over a year keeps a leaver's account open far too long.
 */
export const SETTING_BOUNDS = {
  guardianConsentBelowAge: { min: 13, max: 18 },
  suppressionThreshold: { min: 1, max: 50 },
  retentionMonths: { min: 6, max: 240 },
  programmeAge: { min: 13, max: 17 },
  hoursPerWeek: { min: 0.5, max: 40 },
  months: { min: 1, max: 24 },
  targetPerYear: { min: 0, max: 1000 },
  deactivateUnusedAccountsAfterDays: { min: 30, max: 365 },
} as const;

/** The settings of a new plan: what the code did before they were settings (001_*, Ishøj). */
export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  guardianConsentBelowAge: 15,
  suppressionThreshold: 5,
  retentionMonths: 60,
  jobProgramme: { minAge: 13, maxAge: 15, hoursPerWeek: { min: 2, max: 6 }, months: { min: 3, max: 5 }, targetPerYear: 18 },
  deactivateUnusedAccountsAfterDays: 90,
  approverUserId: null,
  ssoKeepsLocalPassword: false,
};

/** Every range whose max is below its min, named by its max field; the single values are checked by the request's DTO. */
export function settingsProblems(settings: PlanSettings): ProblemItem[] {
  const { minAge, maxAge, hoursPerWeek, months } = settings.jobProgramme;
  const ranges: [string, string, Range][] = [
    ['jobProgramme.minAge', 'jobProgramme.maxAge', { min: minAge, max: maxAge }],
    ['jobProgramme.hoursPerWeek.min', 'jobProgramme.hoursPerWeek.max', hoursPerWeek],
    ['jobProgramme.months.min', 'jobProgramme.months.max', months],
  ];
  return ranges
    .filter(([, , range]) => range.max < range.min)
    .map(([minField, maxField, range]) => ({ field: maxField, rule: 'range_in_order', message: `${maxField} (${range.max}) is below ${minField} (${range.min})` }));
}

export function planSettingsOf(plan: Plan): PlanSettings {
  return {
    guardianConsentBelowAge: plan.guardianConsentBelowAge,
    suppressionThreshold: plan.suppressionThreshold,
    retentionMonths: plan.retentionMonths,
    jobProgramme: {
      minAge: plan.jobProgrammeMinAge,
      maxAge: plan.jobProgrammeMaxAge,
      hoursPerWeek: { min: plan.jobProgrammeHoursMin, max: plan.jobProgrammeHoursMax },
      months: { min: plan.jobProgrammeMonthsMin, max: plan.jobProgrammeMonthsMax },
      targetPerYear: plan.jobProgrammeTargetPerYear,
    },
    deactivateUnusedAccountsAfterDays: plan.deactivateUnusedAccountsAfterDays,
    approverUserId: plan.approverUserId,
    ssoKeepsLocalPassword: plan.ssoKeepsPassword,
  };
}

export type PlanSettingsColumns = Pick<
  Plan,
  | 'guardianConsentBelowAge'
  | 'suppressionThreshold'
  | 'retentionMonths'
  | 'jobProgrammeMinAge'
  | 'jobProgrammeMaxAge'
  | 'jobProgrammeHoursMin'
  | 'jobProgrammeHoursMax'
  | 'jobProgrammeMonthsMin'
  | 'jobProgrammeMonthsMax'
  | 'jobProgrammeTargetPerYear'
  | 'deactivateUnusedAccountsAfterDays'
  | 'approverUserId'
  | 'ssoKeepsPassword'
>;

export function planSettingsColumns(s: PlanSettings): PlanSettingsColumns {
  return {
    guardianConsentBelowAge: s.guardianConsentBelowAge,
    suppressionThreshold: s.suppressionThreshold,
    retentionMonths: s.retentionMonths,
    jobProgrammeMinAge: s.jobProgramme.minAge,
    jobProgrammeMaxAge: s.jobProgramme.maxAge,
    jobProgrammeHoursMin: s.jobProgramme.hoursPerWeek.min,
    jobProgrammeHoursMax: s.jobProgramme.hoursPerWeek.max,
    jobProgrammeMonthsMin: s.jobProgramme.months.min,
    jobProgrammeMonthsMax: s.jobProgramme.months.max,
    jobProgrammeTargetPerYear: s.jobProgramme.targetPerYear,
    deactivateUnusedAccountsAfterDays: s.deactivateUnusedAccountsAfterDays,
    approverUserId: s.approverUserId,
    ssoKeepsPassword: s.ssoKeepsLocalPassword,
  };
}

/**
 * The account settings that changed, as the audit log keeps them (who may approve grants, how soon
 * unused accounts close, whether linked accounts keep a password are security decisions a leader
 * or auditor must be able to trace); the other settings are recorded as changed, without values.
 */
export function settingsChanges(before: PlanSettings, after: PlanSettings): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = (['deactivateUnusedAccountsAfterDays', 'approverUserId', 'ssoKeepsLocalPassword'] as const).filter((k) => before[k] !== after[k]);
  if (keys.length === 0) return null;
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}
