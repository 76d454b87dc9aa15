import { Foundation1732300000000 } from './1732300000000-foundation';
import { ConsentsEmployersJobProgrammes1732400000000 } from './1732400000000-consents-employers-job-programmes';
import { StatisticsQueueIndicatorsReminders1732500000000 } from './1732500000000-statistics-queue-indicators-reminders';
import { ContactsNotBeforeTheirCase1732600000000 } from './1732600000000-contacts-not-before-their-case';
import { LeastPrivilegeLogin1732700000000 } from './1732700000000-least-privilege-login';
import { JobProgrammeRules1732800000000 } from './1732800000000-job-programme-rules';
import { JobReconciliation1732900000000 } from './1732900000000-job-reconciliation';
import { IdempotencyKeys1733000000000 } from './1733000000000-idempotency-keys';
import { SessionsAndInvitations1733100000000 } from './1733100000000-sessions-and-invitations';
import { ResidentVersion1733200000000 } from './1733200000000-resident-version';
import { EmployerAndMatchVersions1733300000000 } from './1733300000000-employer-and-match-versions';
import { StaffSignIn1733500000000 } from './1733500000000-staff-sign-in';
import { ResidentsRights1733600000000 } from './1733600000000-residents-rights';
import { PlanSettings1733700000000 } from './1733700000000-plan-settings';
import { Activities1733800000000 } from './1733800000000-activities';
import { ReferralFollowUpAndInternships1733810000000 } from './1733810000000-referral-follow-up-and-internships';
import { IndicatorValuesAndEdits1733820000000 } from './1733820000000-indicator-values-and-edits';
import { SessionNoteCompartment1733940000000 } from './1733940000000-session-note-compartment';
import { DropInDayAndPossibleDuplicates1733830000000 } from './1733830000000-drop-in-day-and-possible-duplicates';
import { SsoSessionLinks1733900000000 } from './1733900000000-sso-session-links';
import { KeptAnswersAboutResidents1733920000000 } from './1733920000000-kept-answers-about-residents';
import { SignInHardening1733910000000 } from './1733910000000-sign-in-hardening';
import { SsoSessionLogoutIndex1733950000000 } from './1733950000000-sso-session-logout-index';
import { UserApprovalsAndLeavers1733930000000 } from './1733930000000-user-approvals-and-leavers';
import { PasswordResetLinks1733970000001 } from './1733970000001-password-reset-links';
import { Volunteers1734100000000 } from './1734100000000-volunteers';
import { TimesheetCorrections1734000000000 } from './1734000000000-timesheet-corrections';
import { JobcentreEnrolments1734200000000 } from './1734200000000-jobcentre-enrolments';
import { QuarterlyIndicators1734200000001 } from './1734200000001-quarterly-indicators';
import { EmployerRegister1734300000000 } from './1734300000000-employer-register';

import { SmallJobsAndOutreachLists1734400000000 } from './1734400000000-small-jobs-and-outreach-lists';
import { SmallJobsIndicatorMetric1734400000001 } from './1734400000001-small-jobs-indicator-metric';
/** Every migration, in order. Listed explicitly so the build and the tests load the same set without globbing. */
export const MIGRATIONS = [
  Foundation1732300000000,
  ConsentsEmployersJobProgrammes1732400000000,
  StatisticsQueueIndicatorsReminders1732500000000,
  ContactsNotBeforeTheirCase1732600000000,
  LeastPrivilegeLogin1732700000000,
  JobProgrammeRules1732800000000,
  JobReconciliation1732900000000,
  IdempotencyKeys1733000000000,
  SessionsAndInvitations1733100000000,
  ResidentVersion1733200000000,
  EmployerAndMatchVersions1733300000000,
  StaffSignIn1733500000000,
  ResidentsRights1733600000000,
  PlanSettings1733700000000,
  Activities1733800000000,
  ReferralFollowUpAndInternships1733810000000,
  IndicatorValuesAndEdits1733820000000,
  DropInDayAndPossibleDuplicates1733830000000,
  SsoSessionLinks1733900000000,
  KeptAnswersAboutResidents1733920000000,
  SignInHardening1733910000000,
  SsoSessionLogoutIndex1733950000000,
  SessionNoteCompartment1733940000000,
  UserApprovalsAndLeavers1733930000000,
  PasswordResetLinks1733970000001,
  TimesheetCorrections1734000000000,
  Volunteers1734100000000,
  JobcentreEnrolments1734200000000,
  QuarterlyIndicators1734200000001,
  EmployerRegister1734300000000,
  SmallJobsAndOutreachLists1734400000000,
  SmallJobsIndicatorMetric1734400000001,
];
