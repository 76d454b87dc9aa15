/** One queue per kind of work (style.md); typed job payloads. */
export const STATISTICS_QUEUE = 'statistics';
export const REMINDERS_QUEUE = 'reminders';
export const INVITATION_MAIL_QUEUE = 'invitation-mail';
export const RETENTION_QUEUE = 'retention';
/** E-mails telling staff what happened to their second factor (locked or reset, with the link to choose a new password). */
export const ACCOUNT_MAIL_QUEUE = 'account-mail';
/** Staff accounts: e-mails about grants waiting for approval, and the nightly deactivation of unused accounts (issue 20). */
export const ACCOUNTS_QUEUE = 'accounts';
/** Outreach lists: the nightly deletion of the names on lists past their own retention (issue 23). */
export const OUTREACH_QUEUE = 'outreach';
/** Every queue, for the queue workers, the reconciler and the dashboard. */
export const QUEUES = [STATISTICS_QUEUE, REMINDERS_QUEUE, INVITATION_MAIL_QUEUE, RETENTION_QUEUE, ACCOUNT_MAIL_QUEUE, ACCOUNTS_QUEUE, OUTREACH_QUEUE] as const;

export const JOBS = {
  /** Compute one half-year report snapshot. */
  halfYearReport: 'half-year-report',
  /**
   * Legacy: the BullMQ job scheduler of 1 January and 1 July. Due reports are now filed by the
   * reconciler's sweep; a job of this name still left in Redis only makes the worker file what is due.
   */
  scheduleHalfYearReports: 'schedule-half-year-reports',
  /** Daily: recompute reminders (evaluations due, consents expiring). */
  computeReminders: 'compute-reminders',
  /** Daily: erase the residents kept past their plan's retention period (reason `retention`). */
  eraseExpiredResidents: 'erase-expired-residents',
  /** Send (or send again) an invitation e-mail with a fresh one-time link. */
  sendInvitation: 'send-invitation',
  /** Tell a user by e-mail that their second factor was locked or reset (src/auth/account-notices/). */
  sendFactorNotice: 'send-factor-notice',
  /** After a reset of the second factor: e-mail the user a fresh one-time link to choose a new password (src/users/password-reset-links.service.ts). */
  sendPasswordResetLink: 'send-password-reset-link',
  /** Tell a user and their plan's leaders about a grant asked for or decided, or about accounts closed for being unused. */
  sendAccountNotice: 'send-account-notice',
  /** Daily: delete the people and attempts of outreach lists past their retention, keeping counts. */
  forgetExpiredOutreachNames: 'forget-expired-outreach-names',
  /** Daily: deactivate accounts not seen for their plan's `deactivateUnusedAccountsAfterDays`. */
  deactivateUnusedAccounts: 'deactivate-unused-accounts',
} as const;

/** What an account notice tells; the worker reads the address and name when it sends, so the queue holds no personal data. */
export interface AccountNoticeJob {
  userId: string;
  notice: 'mfa_locked' | 'mfa_reset';
  /** When it happened (ISO 8601), for the e-mail. */
  at: string;
}

/** The link's id only: the token is made when the e-mail is sent, so the queue holds no working link. */
export interface SendPasswordResetLinkJob {
  linkId: string;
  /** When the reset happened (ISO 8601), for the e-mail. */
  at: string;
}

export interface SendInvitationJob {
  invitationId: string;
}

export interface HalfYearReportJob {
  reportId: string;
}

/** The morning run it is (a local date, YYYY-MM-DD); absent on a job from the legacy scheduler. */
export interface ComputeRemindersJob {
  day?: string;
}
