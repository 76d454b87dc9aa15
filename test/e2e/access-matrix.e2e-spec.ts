import { ROLES, type Role } from '../../src/access/roles';
import { type Caller, type PlanFixture, withPlan } from '../support/fixtures';
import { declaredRoutes } from '../support/routes';
import { type TestApp } from '../support/test-app';

/**
 * The access matrix: for every route, which roles may call it. A route added to the app without
 * a row here fails the first test, so every new route gets a deliberate decision. Which rows a
 * permitted role then sees (compartment, consent) is the policy layer's job and has its own tests.
 */
const STAFF: Role[] = ['counsellor', 'social_worker', 'caseworker', 'leader'];
const MATRIX: Record<string, Role[] | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'public',
  'POST /api/v1/auth/session/refresh': 'public',
  'POST /api/v1/auth/session/logout': 'public',
  'POST /api/v1/auth/invitations/accept': 'public',
  // The e-mailed link's token is the credential: a reset of the second factor removed the password.
  'POST /api/v1/auth/password-resets/complete': 'public',
  'POST /api/v1/auth/password': [...ROLES],
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/v1/auth/saml/:provider/metadata': 'public',
  'POST /api/v1/auth/saml/:provider/acs': 'public',
  'GET /api/v1/auth/saml/:provider/slo': 'public',
  'POST /api/v1/auth/saml/:provider/slo': 'public',
  'POST /api/v1/auth/saml/logout': 'public',
  'GET /api/v1/me': [...ROLES],
  'GET /api/v1/auth/providers': 'public',
  'GET /api/v1/auth/sso/:provider/login': 'public',
  'GET /api/v1/auth/sso/:provider/callback': 'public',
  // Called by the OpenID Provider itself; the signed logout token is the credential.
  'POST /api/v1/auth/sso/:provider/backchannel-logout': 'public',
  'POST /api/v1/auth/exchange': 'public',
  'POST /api/v1/auth/sso/:provider/link': ['leader', 'counsellor', 'social_worker', 'caseworker', 'volunteer'],
  'POST /api/v1/auth/mfa/passkey/register/options': 'public',
  'POST /api/v1/auth/mfa/passkey/register': 'public',
  'POST /api/v1/auth/mfa/passkey/options': 'public',
  'POST /api/v1/auth/mfa/passkey': 'public',
  'GET /api/v1/auth/mfa/passkeys': [...ROLES],
  'POST /api/v1/auth/mfa/totp/enrol': 'public',
  'POST /api/v1/auth/mfa/totp/confirm': 'public',
  'POST /api/v1/auth/mfa/totp': 'public',
  'POST /api/v1/auth/mfa/recovery': 'public',
  'GET /api/v1/auth/mfa': [...ROLES],
  'POST /api/v1/auth/mfa/recovery-codes': [...ROLES],
  'POST /api/v1/users/:id/mfa/reset': ['leader', 'admin'],
  'DELETE /api/v1/auth/mfa/passkeys/:id': [...ROLES],
  'POST /api/v1/auth/step-up': [...ROLES],
  'POST /api/v1/auth/step-up/passkey/options': [...ROLES],

  'POST /api/v1/plans': ['admin'],
  'GET /api/v1/plans': ['admin'],
  'POST /api/v1/plans/:planId/housing-areas': ['admin'],
  'GET /api/v1/plans/:planId/housing-areas': ['admin'],
  'POST /api/v1/plans/:planId/organisations': ['admin'],
  'GET /api/v1/plans/:planId/organisations': ['admin'],
  'PATCH /api/v1/plans/:planId': ['admin', 'leader'],
  'PATCH /api/v1/plans/:planId/housing-areas/:id': ['admin', 'leader'],
  'PATCH /api/v1/plans/:planId/organisations/:id': ['admin', 'leader'],
  'GET /api/v1/plans/:planId/settings': ['admin', 'leader'],
  'PUT /api/v1/plans/:planId/settings': ['admin', 'leader'],
  'GET /api/v1/plans/:planId/setup-status': ['admin', 'leader'],
  'POST /api/v1/plans/:planId/users': ['admin', 'leader'],
  'GET /api/v1/plans/:planId/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin', 'leader'],
  'GET /api/v1/users/:id': ['admin', 'leader'],
  // A counsellor or social worker gets through only as the plan's named approver (otherwise 403 not_an_approver).
  'POST /api/v1/users/:id/approve': ['admin', 'leader', 'counsellor', 'social_worker'],
  'POST /api/v1/users/:id/reject-approval': ['admin', 'leader', 'counsellor', 'social_worker'],
  'GET /api/v1/invitations': ['leader'],
  'GET /api/v1/plans/:planId/invitations': ['admin'],
  'POST /api/v1/invitations/:id/resend': ['leader', 'admin'],
  'POST /api/v1/invitations/:id/revoke': ['leader', 'admin'],
  'POST /api/v1/admin/queue-dashboard/session': ['admin'],
  'GET /api/v1/housing-areas': STAFF,
  'GET /api/v1/organisations': STAFF,
  'GET /api/v1/users': ['leader'],
  'GET /api/v1/audit-events': ['leader', 'admin'],

  'POST /api/v1/residents': ['counsellor', 'social_worker', 'caseworker'],
  'GET /api/v1/residents': ['counsellor', 'social_worker', 'caseworker'],
  'GET /api/v1/residents/:id': ['counsellor', 'social_worker', 'caseworker'],
  'PATCH /api/v1/residents/:id': ['counsellor', 'social_worker', 'caseworker'],
  'POST /api/v1/residents/:id/guardians': ['counsellor', 'social_worker', 'caseworker'],
  'GET /api/v1/residents/:id/access-log': ['counsellor', 'social_worker', 'caseworker', 'leader'],
  'GET /api/v1/residents/:id/export': ['counsellor', 'social_worker', 'caseworker'],
  'POST /api/v1/residents/:id/erase': ['counsellor', 'social_worker', 'caseworker'],

  'POST /api/v1/counselling-cases': ['counsellor'],
  'GET /api/v1/counselling-cases': ['counsellor', 'caseworker', 'social_worker'],
  'GET /api/v1/counselling-cases/:id': ['counsellor', 'caseworker', 'social_worker'],
  'POST /api/v1/counselling-cases/:id/contacts': ['counsellor'],
  'POST /api/v1/counselling-cases/:id/referrals': ['counsellor'],
  'GET /api/v1/counselling-cases/:id/referral-recipients': ['counsellor'],
  'POST /api/v1/counselling-cases/:id/close': ['counsellor'],
  'POST /api/v1/counselling-cases/:id/reopen': ['counsellor'],
  // Referral follow-up: the receiving organisation's caseworker answers, the counsellors who sent it revoke.
  'GET /api/v1/referrals': ['counsellor', 'caseworker'],
  'GET /api/v1/referrals/:id': ['counsellor', 'caseworker'],
  'POST /api/v1/referrals/:id/status': ['counsellor', 'caseworker'],
  // Read-only, and only what a consent shares with the caller's organisation.
  'GET /api/v1/shared-residents': ['caseworker'],
  'GET /api/v1/shared-residents/:id': ['caseworker'],
  'GET /api/v1/counselling-topics': ['counsellor', 'leader'],
  'POST /api/v1/counselling-topics': ['leader'],

  'POST /api/v1/consents': ['counsellor', 'social_worker', 'caseworker'],
  'GET /api/v1/consents': ['counsellor', 'social_worker', 'caseworker'],
  'POST /api/v1/consents/:id/withdraw': ['counsellor', 'social_worker', 'caseworker'],

  // One employer register for the plan (issue 23): counsellors (adults' internships, the network)
  // and social workers keep it, the leader follows it; agreements about youths stay the social worker's.
  'POST /api/v1/employers': ['counsellor', 'social_worker'],
  'GET /api/v1/employers': ['counsellor', 'social_worker', 'leader'],
  'GET /api/v1/employers/:id': ['counsellor', 'social_worker', 'leader'],
  'PATCH /api/v1/employers/:id': ['counsellor', 'social_worker'],
  'POST /api/v1/employers/:id/agreements': ['social_worker'],
  'POST /api/v1/employers/:id/contacts': ['counsellor', 'social_worker'],
  'GET /api/v1/employers/:id/contacts': ['counsellor', 'social_worker', 'leader'],
  'POST /api/v1/employers/:id/network': ['counsellor', 'social_worker'],
  'POST /api/v1/employers/:id/network/:membershipId/end': ['counsellor', 'social_worker'],
  'POST /api/v1/csr-awards': ['leader', 'counsellor', 'social_worker'],
  'GET /api/v1/csr-awards': ['leader', 'counsellor', 'social_worker'],

  'POST /api/v1/job-programmes': ['social_worker'],
  'GET /api/v1/job-programmes': ['social_worker', 'caseworker', 'counsellor'],
  'GET /api/v1/job-programmes/:id': ['social_worker', 'caseworker', 'counsellor'],
  'POST /api/v1/job-programmes/:id/transitions': ['social_worker'],
  'POST /api/v1/job-programmes/:id/conversations': ['social_worker'],
  'POST /api/v1/job-programmes/:id/matches': ['social_worker'],
  'PATCH /api/v1/job-programmes/:id/matches/:matchId': ['social_worker'],
  'PUT /api/v1/job-programmes/:id/employment': ['social_worker'],
  'POST /api/v1/job-programmes/:id/timesheets': ['social_worker'],
  'PUT /api/v1/job-programmes/:id/timesheets/:timesheetId': ['social_worker'],
  // Internships are for adults, who are counselling-compartment residents: the counsellors record
  // them; a social worker's residents are the leisure-job youth, and only a compartment's own role
  // changes its data. The job centre's caseworker reads them under a share_counselling consent.
  'POST /api/v1/internships': ['counsellor'],
  'GET /api/v1/internships': ['counsellor', 'caseworker'],
  'GET /api/v1/internships/:id': ['counsellor', 'caseworker'],
  'POST /api/v1/internships/:id/end': ['counsellor'],
  // The job centre's own caseload is the caseworkers' compartment: only they change it; the
  // boligsocial staff read a person's enrolment under a share_jobcentre consent naming them; the
  // leader sees the figures (small counts suppressed), never a person.
  'POST /api/v1/jobcentre-enrolments': ['caseworker'],
  'GET /api/v1/jobcentre-enrolments': ['caseworker', 'counsellor', 'social_worker'],
  'GET /api/v1/jobcentre-enrolments/figures': ['caseworker', 'leader'],
  'GET /api/v1/jobcentre-enrolments/:id': ['caseworker', 'counsellor', 'social_worker'],
  'POST /api/v1/jobcentre-enrolments/:id/end': ['caseworker'],
  'PUT /api/v1/jobcentre-enrolments/:id/quarters/:quarter': ['caseworker'],
  // Småjobs are adults' work with employers like internships: the counsellors record them, the job centre reads them under consent.
  'POST /api/v1/small-jobs': ['counsellor'],
  'GET /api/v1/small-jobs': ['counsellor', 'caseworker'],
  'GET /api/v1/small-jobs/:id': ['counsellor', 'caseworker'],
  'POST /api/v1/small-jobs/:id/end': ['counsellor'],
  // Outreach lists: the leader may set one up and see the lists with counts; only the counsellors read the names and go to the doors.
  'POST /api/v1/outreach-lists': ['counsellor', 'leader'],
  'GET /api/v1/outreach-lists': ['counsellor', 'leader'],
  'GET /api/v1/outreach-lists/:id': ['counsellor'],
  'POST /api/v1/outreach-lists/:id/people': ['counsellor'],
  'POST /api/v1/outreach-lists/:id/people/:personId/attempts': ['counsellor'],
  'GET /api/v1/school-holidays': ['social_worker', 'leader'],
  'POST /api/v1/school-holidays': ['social_worker', 'leader'],
  'DELETE /api/v1/school-holidays/:id': ['social_worker', 'leader'],

  'POST /api/v1/reports/half-year': ['leader'],
  'GET /api/v1/reports': ['leader'],
  'GET /api/v1/reports/:id': ['leader'],
  'GET /api/v1/reports/:id/export': ['leader'],
  'GET /api/v1/reports/periods': ['leader'],
  'GET /api/v1/reports/:id/figures': ['leader'],
  'POST /api/v1/indicators': ['leader'],
  'GET /api/v1/indicators': ['leader'],
  'PATCH /api/v1/indicators/:id': ['admin', 'leader'],
  'POST /api/v1/indicators/:id/values': ['leader'],
  'GET /api/v1/indicators/:id/values': ['leader'],
  'GET /api/v1/reminders': ['counsellor', 'social_worker'],

  // Activities are not personal data: those who run them (counsellors, social workers) and the
  // leader, who plans and reports on them, manage them. Sessions and enrolments may name residents:
  // only the compartments record them; the leader sees sessions' head counts, never enrolments.
  'GET /api/v1/activity-kinds': ['counsellor', 'social_worker', 'leader'],
  'POST /api/v1/activity-kinds': ['leader'],
  'POST /api/v1/activities': ['counsellor', 'social_worker', 'leader'],
  'GET /api/v1/activities': ['counsellor', 'social_worker', 'leader'],
  'GET /api/v1/activities/today': ['counsellor', 'social_worker', 'leader'],
  'GET /api/v1/activities/:id': ['counsellor', 'social_worker', 'leader'],
  'PATCH /api/v1/activities/:id': ['counsellor', 'social_worker', 'leader'],
  'POST /api/v1/activities/:id/sessions': ['counsellor', 'social_worker'],
  'GET /api/v1/activities/:id/sessions': ['counsellor', 'social_worker', 'leader'],
  // One session with its note: the note is the recording compartment's own (issue 20).
  'GET /api/v1/activities/:id/sessions/:sessionId': ['counsellor', 'social_worker'],
  'POST /api/v1/activities/:id/visits': ['counsellor', 'social_worker'],
  'POST /api/v1/activities/:id/enrolments': ['counsellor', 'social_worker'],
  'GET /api/v1/activities/:id/enrolments': ['counsellor', 'social_worker'],
  'POST /api/v1/activities/:id/enrolments/:enrolmentId/end': ['counsellor', 'social_worker'],

  // Volunteers (issue 23): a volunteer records help and sees only their own; no resident, case,
  // programme, report or audit route above lets a volunteer in. The counts are the leader's and the
  // coordinator's: a counsellor or social worker who is not the named coordinator gets 403 not_volunteer_coordinator.
  'POST /api/v1/volunteer-help': ['volunteer'],
  'GET /api/v1/volunteer-help': ['volunteer'],
  'PATCH /api/v1/volunteer-help/:id': ['volunteer'],
  'DELETE /api/v1/volunteer-help/:id': ['volunteer'],
  'GET /api/v1/volunteer-help/summary': ['counsellor', 'social_worker', 'leader'],
  'GET /api/v1/volunteer-help/groups': ['volunteer'],
  'GET /api/v1/volunteer-help/coordinator': ['volunteer', 'counsellor', 'social_worker', 'leader'],
  'PUT /api/v1/volunteer-help/coordinator': ['leader'],
  'GET /api/v1/volunteer-help-topics': ['volunteer', 'counsellor', 'social_worker', 'leader'],
  'POST /api/v1/volunteer-help-topics': ['leader'],
};

/**
 * The reads that need a recent sign-in with a second factor (step-up): every route that answers
 * with case notes, conversation notes or a session's note, a resident's access log, copy and
 * erasure, changes to one's own second factors, and a leader's or the admin's reset of someone else's.
 */
const STEP_UP_ROUTES = [
  'GET /api/v1/counselling-cases/:id',
  'GET /api/v1/job-programmes/:id',
  'GET /api/v1/referrals',
  'GET /api/v1/referrals/:id',
  'GET /api/v1/activities/:id/sessions/:sessionId',
  'GET /api/v1/residents/:id/access-log',
  'GET /api/v1/residents/:id/export',
  'POST /api/v1/residents/:id/erase',
  'POST /api/v1/auth/mfa/recovery-codes',
  'DELETE /api/v1/auth/mfa/passkeys/:id',
  'POST /api/v1/users/:id/mfa/reset',
  'POST /api/v1/auth/sso/:provider/link',
];

const ROLE_KEY: Record<Role, keyof PlanFixture> = {
  admin: 'admin',
  leader: 'leader',
  counsellor: 'counsellor',
  social_worker: 'socialWorker',
  caseworker: 'caseworker',
  volunteer: 'volunteer',
};

describe('the access matrix: every role against every route', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world));

  it('has a decision for every route the app serves, and no decision for a route that is gone', () => {
    const served = declaredRoutes(t).map((r) => `${r.method} ${r.url}`);
    expect(served.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !served.includes(r))).toEqual([]);
  });

  it('asks for step-up on exactly the routes that show notes or change one\'s second factors', () => {
    const stepUp = declaredRoutes(t).filter((r) => r.stepUp).map((r) => `${r.method} ${r.url}`);
    expect(stepUp.sort()).toEqual([...STEP_UP_ROUTES].sort());
  });

  it('declares on each route exactly the roles the matrix allows', () => {
    const mismatches = declaredRoutes(t)
      .filter((r) => MATRIX[`${r.method} ${r.url}`] !== undefined)
      .filter((r) => {
        const expected = MATRIX[`${r.method} ${r.url}`];
        if (expected === 'public') return !r.isPublic;
        return JSON.stringify([...(r.allowed as Role[])].sort()) !== JSON.stringify([...expected].sort());
      })
      .map((r) => `${r.method} ${r.url}: declares ${JSON.stringify(r.allowed ?? 'public')}`);
    expect(mismatches).toEqual([]);
  });

  it('refuses every role the matrix does not allow with 403, and lets the others past the role check', async () => {
    const wrong: string[] = [];
    const someId = '00000000-0000-4000-8000-000000000000';
    for (const route of declaredRoutes(t)) {
      const allowed = MATRIX[`${route.method} ${route.url}`];
      if (allowed === 'public' || allowed === undefined) continue;
      const url = route.url.replace('/api/v1', '').replace(/:[A-Za-z]+/g, someId);
      for (const role of ROLES) {
        const caller = plan[ROLE_KEY[role]] as Caller;
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put';
        const res = await (method === 'get' ? caller.get(url) : caller[method](url, {}));
        // not_an_approver and not_volunteer_coordinator are the routes' own answers to a counsellor or social worker
        // past the role check who is not the plan's named approver or volunteers' coordinator.
        const refused = res.status === 403 && res.body.code !== 'not_an_approver' && res.body.code !== 'not_volunteer_coordinator';
        if (refused === allowed.includes(role)) wrong.push(`${role} ${route.method} ${route.url}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
