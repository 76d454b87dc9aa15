import { addMonths } from '../../src/common/calendar';
import { createPlan, expectStatus, registerResident, type PlanFixture, withPlan } from '../support/fixtures';
import { anHourAgo, birthDateForAge, programmeFixtures, shiftDays, TODAY } from '../support/programme-fixtures';
import type { TestApp } from '../support/test-app';

/** api.md: what a plan starts with, the values the code had before they were settings (001_*, Ishøj). */
const DEFAULTS = {
  guardianConsentBelowAge: 15,
  suppressionThreshold: 5,
  retentionMonths: 60,
  jobProgramme: { minAge: 13, maxAge: 15, hoursPerWeek: { min: 2, max: 6 }, months: { min: 3, max: 5 }, targetPerYear: 18 },
  // Issue 20: staff accounts (test/e2e/leavers.e2e-spec.ts, user-approvals.e2e-spec.ts).
  deactivateUnusedAccountsAfterDays: 90,
  approverUserId: null,
  ssoKeepsLocalPassword: false,
};

type Settings = typeof DEFAULTS;

/** The defaults with one value replaced (or removed, with `undefined`) at a dotted path. */
function changed(path: string, value: unknown, base: Settings = DEFAULTS): Record<string, unknown> {
  const doc = structuredClone(base) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, doc);
  const last = keys[keys.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return doc;
}

describe("a plan's settings", () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Indstillinger');

  const settingsPath = () => `/plans/${plan.planId}/settings`;
  const settingsChanges = async () =>
    (await plan.leader.get(`/audit-events?limit=200`)).body.items.filter((e: { action: string; entityId: string }) => e.action === 'plan.settings_changed' && e.entityId === plan.planId);

  it("shows the leader their plan's settings, the defaults of a new plan", async () => {
    const res = await plan.leader.get(settingsPath());
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULTS);
  });

  it('lets the leader change their plan\'s settings, keeps them, and audits the change', async () => {
    const before = (await settingsChanges()).length;
    const varde = changed('jobProgramme', { minAge: 13, maxAge: 17, hoursPerWeek: { min: 2.5, max: 8 }, months: { min: 2, max: 6 }, targetPerYear: 25 });
    const saved = await plan.leader.put(settingsPath(), { ...varde, guardianConsentBelowAge: 16, suppressionThreshold: 3, retentionMonths: 36 });
    expect(saved.status).toBe(200);
    const expected = {
      guardianConsentBelowAge: 16,
      suppressionThreshold: 3,
      retentionMonths: 36,
      jobProgramme: { minAge: 13, maxAge: 17, hoursPerWeek: { min: 2.5, max: 8 }, months: { min: 2, max: 6 }, targetPerYear: 25 },
      deactivateUnusedAccountsAfterDays: 90,
      approverUserId: null,
      ssoKeepsLocalPassword: false,
    };
    expect(saved.body).toEqual(expected);
    expect((await plan.leader.get(settingsPath())).body).toEqual(expected);

    const events = await settingsChanges();
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ actorId: plan.leader.user.id, actorRole: 'leader', planId: plan.planId, entityType: 'plan', purpose: 'plan_administration' });
  });

  it('lets the admin read and change any plan\'s settings, filed under that plan for its leader to see', async () => {
    expect((await plan.admin.get(settingsPath())).status).toBe(200);
    const before = (await settingsChanges()).length;
    const res = await plan.admin.put(settingsPath(), DEFAULTS);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULTS);
    const events = await settingsChanges();
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ actorRole: 'admin', planId: plan.planId });
  });

  it("answers the leader of another plan 404, as if there were no such plan, and changes nothing", async () => {
    const other = await createPlan(t, 'Anden plan');
    expect((await other.leader.get(settingsPath())).status).toBe(404);
    const put = await other.leader.put(settingsPath(), changed('suppressionThreshold', 10));
    expect([put.status, put.body.code]).toEqual([404, 'not_found']);
    expect((await plan.leader.get(settingsPath())).body.suppressionThreshold).toBe(DEFAULTS.suppressionThreshold);
    expect((await plan.admin.get('/plans/00000000-0000-4000-8000-000000000000/settings')).status).toBe(404);
  });

  it('refuses the counsellor, the social worker and the caseworker with 403', async () => {
    for (const caller of [plan.counsellor, plan.socialWorker, plan.caseworker]) {
      expect((await caller.get(settingsPath())).status).toBe(403);
      expect((await caller.put(settingsPath(), DEFAULTS)).status).toBe(403);
    }
  });

  it('refuses a range whose max is below its min with 422, naming every such range, and changes nothing', async () => {
    const before = (await settingsChanges()).length;
    const reversed = changed('jobProgramme', { minAge: 15, maxAge: 13, hoursPerWeek: { min: 6, max: 2 }, months: { min: 5, max: 3 }, targetPerYear: 18 });
    const res = await plan.leader.put(settingsPath(), reversed);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('plan_settings_range');
    expect(res.body.errors).toEqual([
      { field: 'jobProgramme.maxAge', rule: 'range_in_order', message: 'jobProgramme.maxAge (13) is below jobProgramme.minAge (15)' },
      { field: 'jobProgramme.hoursPerWeek.max', rule: 'range_in_order', message: 'jobProgramme.hoursPerWeek.max (2) is below jobProgramme.hoursPerWeek.min (6)' },
      { field: 'jobProgramme.months.max', rule: 'range_in_order', message: 'jobProgramme.months.max (3) is below jobProgramme.months.min (5)' },
    ]);
    expect((await plan.leader.get(settingsPath())).body).toEqual(DEFAULTS);
    expect(await settingsChanges()).toHaveLength(before);
  });

  it('accepts a range of one value (min equal to max)', async () => {
    const res = await plan.leader.put(settingsPath(), changed('jobProgramme.hoursPerWeek', { min: 4, max: 4 }));
    expect([res.status, res.body.jobProgramme.hoursPerWeek]).toEqual([200, { min: 4, max: 4 }]);
    expect((await plan.leader.put(settingsPath(), DEFAULTS)).status).toBe(200);
  });

  it.each([
    ['a missing setting', 'retentionMonths', undefined, 'retentionMonths'],
    ['a missing programme range', 'jobProgramme.months', undefined, 'jobProgramme.months'],
    ['a missing end of a range', 'jobProgramme.hoursPerWeek.max', undefined, 'jobProgramme.hoursPerWeek.max'],
    ['a number as a string', 'suppressionThreshold', '5', 'suppressionThreshold'],
    ['a range as a number', 'jobProgramme.hoursPerWeek', 4, 'jobProgramme.hoursPerWeek'],
    ['a negative target', 'jobProgramme.targetPerYear', -1, 'jobProgramme.targetPerYear'],
    ['a fractional age', 'jobProgramme.minAge', 13.5, 'jobProgramme.minAge'],
    ['a programme for 18-year-olds', 'jobProgramme.maxAge', 18, 'jobProgramme.maxAge'],
    ['a programme for 12-year-olds', 'jobProgramme.minAge', 12, 'jobProgramme.minAge'],
    ['no hours at all', 'jobProgramme.hoursPerWeek.min', 0, 'jobProgramme.hoursPerWeek.min'],
    ['more than 40 hours a week', 'jobProgramme.hoursPerWeek.max', 40.5, 'jobProgramme.hoursPerWeek.max'],
    ['hours with two decimals', 'jobProgramme.hoursPerWeek.min', 2.25, 'jobProgramme.hoursPerWeek.min'],
    ['fractional months', 'jobProgramme.months.min', 2.5, 'jobProgramme.months.min'],
    ['more than two years', 'jobProgramme.months.max', 25, 'jobProgramme.months.max'],
    ['a guardian age under 13', 'guardianConsentBelowAge', 12, 'guardianConsentBelowAge'],
    ['a guardian age over 18', 'guardianConsentBelowAge', 19, 'guardianConsentBelowAge'],
    ['no suppression', 'suppressionThreshold', 0, 'suppressionThreshold'],
    ['retention under six months', 'retentionMonths', 5, 'retentionMonths'],
    ['a null setting', 'retentionMonths', null, 'retentionMonths'],
    ['a null range', 'jobProgramme.months', null, 'jobProgramme.months'],
    ['an unknown setting', 'currency', 'DKK', 'currency'],
    ['an unknown field in a range', 'jobProgramme.months.avg', 4, 'jobProgramme.months.avg'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_what, path, value, field) => {
    const res = await plan.leader.put(settingsPath(), changed(path, value));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await plan.leader.get(settingsPath())).body).toEqual(DEFAULTS);
  });

  describe("the programme's rules follow the plan's settings", () => {
    let ishoj: PlanFixture;
    let varde: PlanFixture;
    const settle = async (p: PlanFixture, settings: Record<string, unknown>) => expectStatus(await p.leader.put(`/plans/${p.planId}/settings`, settings), 200, 'change settings');

    beforeAll(async () => {
      ishoj = await createPlan(t, 'Ishøj-lignende');
      varde = await createPlan(t, 'Varde-lignende');
      // 002_*: "Alle unge fra 13-18 år", read as every youth not yet 18 on the start day.
      await settle(varde, changed('jobProgramme', { ...DEFAULTS.jobProgramme, maxAge: 17, hoursPerWeek: { min: 2, max: 10 }, months: { min: 2, max: 6 } }));
    });

    it('starts a programme for a 16-year-old where the plan takes 13-17, and refuses the same youth where it takes 13-15', async () => {
      const inVarde = await programmeFixtures(varde).youthWithConsent('Noah', 16);
      expect((await varde.socialWorker.post('/job-programmes', { residentId: inVarde.id })).status).toBe(201);

      const inIshoj = await programmeFixtures(ishoj).youthWithConsent('Noah', 16);
      const refused = await ishoj.socialWorker.post('/job-programmes', { residentId: inIshoj.id });
      expect([refused.status, refused.body.code]).toEqual([422, 'programme_not_eligible']);
      expect(refused.body.errors).toEqual([{ field: 'residentId', rule: 'programme_age', message: `the youth is 16 on ${TODAY}; the programme is for 13-15-year-olds` }]);

      // From the next request on: the leader widens the range, and the same youth can start.
      await settle(ishoj, changed('jobProgramme.maxAge', 16));
      expect((await ishoj.socialWorker.post('/job-programmes', { residentId: inIshoj.id })).status).toBe(201);
      await settle(ishoj, DEFAULTS);
    });

    it("asks for an exception reason by the plan's own hours and months", async () => {
      const startDate = shiftDays(TODAY, 7);
      const eightHoursForTwoMonths = (employerId: string, guardianId: string, f: ReturnType<typeof programmeFixtures>) => ({
        ...f.signedEmployment(employerId, guardianId, startDate),
        endDate: addMonths(startDate, 2),
        hoursPerWeek: 8,
      });
      const fv = programmeFixtures(varde);
      const v = await fv.programmeIn('matching', 'Liva');
      const inVarde = await varde.socialWorker.put(`/job-programmes/${v.p.id}/employment`, eightHoursForTwoMonths(v.employerId, v.youth.guardianId, fv));
      expect([inVarde.status, inVarde.body.exceptionReason]).toEqual([200, null]);

      const fi = programmeFixtures(ishoj);
      const i = await fi.programmeIn('matching', 'Liva');
      const inIshoj = await ishoj.socialWorker.put(`/job-programmes/${i.p.id}/employment`, eightHoursForTwoMonths(i.employerId, i.youth.guardianId, fi));
      expect([inIshoj.status, inIshoj.body.code]).toEqual([422, 'employment_rules_unmet']);
      expect(inIshoj.body.errors.map((e: { rule: string }) => e.rule)).toEqual(['hours_per_week_range', 'duration_range']);

      // A narrower range makes an ordinary employment (4 hours for 4 months) an exception.
      await settle(ishoj, changed('jobProgramme.hoursPerWeek', { min: 4.5, max: 6 }));
      const ordinary = await ishoj.socialWorker.put(`/job-programmes/${i.p.id}/employment`, fi.signedEmployment(i.employerId, i.youth.guardianId, startDate));
      expect(ordinary.status).toBe(422);
      expect(ordinary.body.errors).toEqual([
        { field: 'hoursPerWeek', rule: 'hours_per_week_range', message: "4 hours a week is outside the plan's 4.5-6 hours a week: give an exceptionReason" },
      ]);
      await settle(ishoj, DEFAULTS);
    });

    it("asks for a guardian's consent below the plan's guardian age", async () => {
      const youth = await registerResident(ishoj.socialWorker, { housingAreaId: ishoj.areas.eligible, firstName: 'Ali', birthDate: birthDateForAge(16) });
      const own = { residentId: youth.id, scope: 'job_programme_participation', recipientOrganisationIds: [], givenBy: 'resident', form: 'oral', givenAt: anHourAgo() };
      await settle(ishoj, changed('guardianConsentBelowAge', 17));
      const refused = await ishoj.socialWorker.post('/consents', own);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'givenBy', rule: 'guardian_consent_for_minor', message: expect.stringContaining('a resident under 17 cannot consent alone') })]);
      await settle(ishoj, DEFAULTS);
      expect((await ishoj.socialWorker.post('/consents', own)).status).toBe(201);
    });
  });
});
