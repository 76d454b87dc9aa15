import { addStaff, expectStatus, openCase, registerResident, Caller, type PlanFixture, withPlan, shareCounselling as giveCounsellingConsent } from '../support/fixtures';
import { anHourAgo, programmeFixtures } from '../support/programme-fixtures';
import { type TestApp } from '../support/test-app';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/**
 * Every piece of free text staff write about a resident starts with this word, so a test can
 * check a whole answer for any of it, including fields added after this test was written.
 */
const WRITTEN = 'Fortroligt';

interface CaseAnswer {
  listed: Record<string, unknown>;
  detail: Record<string, unknown> & { notesShared: boolean; contacts: object[]; referrals: object[] };
}

/** The text of an answer, to look for anything staff wrote in it. */
const textOf = (body: unknown) => JSON.stringify(body);

/**
 * Issue 7, security finding 10: a case's subject and outcome, contact notes and a referral's
 * reason and recipient are as sensitive as notes; a reader through a consent sees them only
 * when the consent includes notes. A job programme's consent never includes notes, so its
 * readers see none of the programme's free text.
 */
describe('free text about a resident is shared only with a consent that includes notes', () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Fritekst');

  /** A closed debt case whose every free-text field the counsellor filled in. */
  async function caseFullOfFreeText(firstName = 'Maria') {
    const resident = await registerResident(plan.counsellor, { housingAreaId: plan.areas.eligible, firstName, lastName: 'Olsen', birthDate: '1980-02-02', confirmNotDuplicate: true });
    const c = await openCase(plan.counsellor, { residentId: resident.id, topic: 'debt', subject: `${WRITTEN}: gæld til SKAT efter skilsmisse`, form: 'appointment', openedAt: hoursAgo(5) });
    expectStatus(await plan.counsellor.post(`/counselling-cases/${c.id}/contacts`, { occurredAt: hoursAgo(4), channel: 'in_person', note: `${WRITTEN}: drøftede budget` }), 201, 'contact');
    const referral = { recipientName: `${WRITTEN}: Krisecentret i Ishøj`, reason: `${WRITTEN}: behov for et sikkert sted at bo`, referredAt: hoursAgo(3) };
    expectStatus(await plan.counsellor.post(`/counselling-cases/${c.id}/referrals`, referral), 201, 'referral');
    expectStatus(await plan.counsellor.post(`/counselling-cases/${c.id}/close`, { outcome: `${WRITTEN}: afdragsordning aftalt` }), 200, 'close');
    return { residentId: resident.id, caseId: c.id };
  }

  const shareCounselling = (residentId: string, organisationIds: string[], includesNotes: boolean) =>
    giveCounsellingConsent(plan.counsellor, residentId, organisationIds, { includesNotes });

  /** What a reader sees of the resident's cases: the list item and the case itself. */
  async function readCase(reader: Caller, residentId: string, caseId: string): Promise<CaseAnswer> {
    const [list, single] = await Promise.all([reader.get(`/counselling-cases?residentId=${residentId}`), reader.get(`/counselling-cases/${caseId}`)]);
    expectStatus(list, 200, 'list cases');
    expectStatus(single, 200, 'read case');
    expect(list.body.items).toHaveLength(1);
    return { listed: list.body.items[0], detail: single.body };
  }

  /** A list never carries free text, whoever reads it (issue 20: only step-up reads do); it says whether the case's own read shares it. */
  function expectListWithoutFreeText(listed: Record<string, unknown>, freeTextShared: boolean) {
    expect(listed).toMatchObject({ freeTextShared });
    expect(listed).not.toHaveProperty('subject');
    expect(listed).not.toHaveProperty('outcome');
    expect(textOf(listed)).not.toContain(WRITTEN);
  }

  function expectNoFreeText({ listed, detail }: CaseAnswer) {
    expectListWithoutFreeText(listed, false);
    expect(detail).toMatchObject({ subject: null, outcome: null, freeTextShared: false });
    expect(detail.notesShared).toBe(false);
    expect(detail.contacts).toEqual([expect.objectContaining({ note: null })]);
    expect(detail.referrals).toEqual([expect.objectContaining({ reason: null, recipientName: null })]);
    expect(textOf(listed)).not.toContain(WRITTEN);
    expect(textOf(detail)).not.toContain(WRITTEN);
  }

  function expectAllFreeText({ listed, detail }: CaseAnswer) {
    expectListWithoutFreeText(listed, true);
    expect(detail).toMatchObject({ subject: `${WRITTEN}: gæld til SKAT efter skilsmisse`, outcome: `${WRITTEN}: afdragsordning aftalt`, freeTextShared: true });
    expect(detail.notesShared).toBe(true);
    expect(detail.contacts).toEqual([expect.objectContaining({ note: `${WRITTEN}: drøftede budget` })]);
    expect(detail.referrals).toEqual([expect.objectContaining({ recipientName: `${WRITTEN}: Krisecentret i Ishøj`, reason: `${WRITTEN}: behov for et sikkert sted at bo` })]);
  }

  describe('counselling cases', () => {
    it("hides a case's subject, outcome, contact notes and referral reason and recipient from a caseworker whose consent does not include notes, in the list and in the case", async () => {
      const { residentId, caseId } = await caseFullOfFreeText();
      await shareCounselling(residentId, [plan.organisations.jobcenter], false);
      const seen = await readCase(plan.caseworker, residentId, caseId);
      expectNoFreeText(seen);
      // The facts of the case are still shared: that is what the consent is for.
      expect(seen.detail).toMatchObject({ topic: 'debt', status: 'closed', form: 'appointment' });
      expect(seen.detail.contacts).toEqual([expect.objectContaining({ channel: 'in_person' })]);
      expect(seen.detail.referrals).toEqual([expect.objectContaining({ referredAt: expect.any(String) })]);
    });

    it('shows all of it to a caseworker whose consent includes notes', async () => {
      const { residentId, caseId } = await caseFullOfFreeText();
      await shareCounselling(residentId, [plan.organisations.jobcenter], true);
      expectAllFreeText(await readCase(plan.caseworker, residentId, caseId));
    });

    it('always shows all of it to the counsellor, with or without a consent', async () => {
      const { residentId, caseId } = await caseFullOfFreeText();
      expectAllFreeText(await readCase(plan.counsellor, residentId, caseId));
      await shareCounselling(residentId, [plan.organisations.jobcenter], false);
      expectAllFreeText(await readCase(plan.counsellor, residentId, caseId));
    });

    it("decides for each resident in a list: one resident's consent with notes does not open another's cases", async () => {
      const withNotes = await caseFullOfFreeText('Aisha');
      const withoutNotes = await caseFullOfFreeText('Birgitte');
      await shareCounselling(withNotes.residentId, [plan.organisations.jobcenter], true);
      await shareCounselling(withoutNotes.residentId, [plan.organisations.jobcenter], false);
      const list = await plan.caseworker.get('/counselling-cases?limit=200');
      const item = (caseId: string) => list.body.items.find((c: { id: string }) => c.id === caseId);
      expectListWithoutFreeText(item(withNotes.caseId), true);
      expectListWithoutFreeText(item(withoutNotes.caseId), false);
    });

    it('shares free text only with the organisation the consent with notes names', async () => {
      const { residentId, caseId } = await caseFullOfFreeText();
      await shareCounselling(residentId, [plan.organisations.jobcenter], false);
      await shareCounselling(residentId, [plan.organisations.children], true);
      expectNoFreeText(await readCase(plan.caseworker, residentId, caseId));
      expectAllFreeText(await readCase(plan.otherCaseworker, residentId, caseId));
    });

    it('withholds free text again once the consent with notes is withdrawn, while a consent without notes still shares the case', async () => {
      const { residentId, caseId } = await caseFullOfFreeText();
      await shareCounselling(residentId, [plan.organisations.jobcenter], false);
      const withNotes = await shareCounselling(residentId, [plan.organisations.jobcenter], true);
      expectAllFreeText(await readCase(plan.caseworker, residentId, caseId));
      expectStatus(await plan.counsellor.post(`/consents/${withNotes.id}/withdraw`, { reason: 'Vil ikke dele noter' }), 200, 'withdraw');
      expectNoFreeText(await readCase(plan.caseworker, residentId, caseId));
    });

    it('hides it from the other compartment the same way: a social worker of a named organisation', async () => {
      const association = await plan.admin.post(`/plans/${plan.planId}/organisations`, { name: 'Boligselskabet Vejleåparken', kind: 'housing_association' });
      expectStatus(association, 201, 'organisation');
      const socialWorker = await addStaff(t, plan, 'social_worker', { email: `social-worker-${Date.now()}@test.dk`, name: 'Sofie Socialrådgiver', organisationId: association.body.id });
      const { residentId, caseId } = await caseFullOfFreeText();
      await shareCounselling(residentId, [association.body.id], false);
      expectNoFreeText(await readCase(socialWorker, residentId, caseId));
    });
  });

  describe('job programmes', () => {
    /**
     * An ended programme whose every free-text field the social worker filled in, shared with the
     * jobcenter by the guardian's share_job_programme consent.
     */
    async function sharedProgrammeFullOfFreeText(firstName: string) {
      const sw = plan.socialWorker;
      const fx = programmeFixtures(plan);
      const { p: matching, employerId, youth } = await fx.programmeIn('matching', firstName);
      expectStatus(
        await sw.post(`/job-programmes/${matching.id}/conversations`, { occurredAt: anHourAgo(), kind: 'follow_up', participants: ['youth'], note: `${WRITTEN}: uro derhjemme` }),
        201,
        'conversation',
      );
      await fx.acceptedMatch(matching, employerId);
      const employment = { ...fx.signedEmployment(employerId, youth.guardianId), hoursPerWeek: 7, exceptionReason: `${WRITTEN}: har brug for flere timer for at hjælpe familien` };
      expectStatus(await sw.put(`/job-programmes/${matching.id}/employment`, employment), 200, 'employment');
      const employed = await fx.moveOk(matching, { to: 'employment', reason: `${WRITTEN}: klar efter samtale med mor` });
      await fx.moveOk(employed, { to: 'ended', reason: `${WRITTEN}: flyttet til krisecenter` });
      const share = {
        residentId: youth.id,
        scope: 'share_job_programme',
        recipientOrganisationIds: [plan.organisations.jobcenter],
        givenBy: 'guardian',
        guardianId: youth.guardianId,
        form: 'written',
        givenAt: anHourAgo(),
      };
      // A share_job_programme consent can never include notes (consent-rules.ts): there is no consent that shares this text.
      const withNotes = await sw.post('/consents', { ...share, includesNotes: true });
      expect(withNotes.status).toBe(422);
      expect(withNotes.body.errors).toEqual([expect.objectContaining({ rule: 'notes_only_for_counselling' })]);
      expectStatus(await sw.post('/consents', share), 201, 'share with the jobcenter');
      return { programmeId: matching.id };
    }

    async function readProgramme(reader: Caller, programmeId: string) {
      const [list, single] = await Promise.all([reader.get('/job-programmes?limit=200'), reader.get(`/job-programmes/${programmeId}`)]);
      expectStatus(list, 200, 'list programmes');
      expectStatus(single, 200, 'read programme');
      return { listed: list.body.items.find((p: { id: string }) => p.id === programmeId), detail: single.body };
    }

    it("shows a caseworker sharing a programme by consent none of its free text: end reason, phase-change reasons, exception reason and conversation notes, in the list and in the programme", async () => {
      const { programmeId } = await sharedProgrammeFullOfFreeText('Yasmin');
      const { listed, detail } = await readProgramme(plan.caseworker, programmeId);
      expect(listed).toMatchObject({ phase: 'ended', freeTextShared: false });
      expect(listed).not.toHaveProperty('endReason');
      expect(detail).toMatchObject({ phase: 'ended', endReason: null, freeTextShared: false });
      expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['clarification', 'matching', 'employment', 'ended']);
      expect(detail.history.every((h: { reason: unknown }) => h.reason === null)).toBe(true);
      expect(detail.conversations.length).toBeGreaterThan(0);
      expect(detail.conversations.every((c: { note: unknown }) => c.note === null)).toBe(true);
      // The facts stay: hours, dates and the system's own young-worker warnings.
      expect(detail.employment).toMatchObject({ hoursPerWeek: 7, exceptionReason: null, warnings: expect.any(Array) });
      expect(textOf(listed)).not.toContain(WRITTEN);
      expect(textOf(detail)).not.toContain(WRITTEN);
    });

    it('shows the social workers all of it in their own programmes', async () => {
      const { programmeId } = await sharedProgrammeFullOfFreeText('Yara');
      const { listed, detail } = await readProgramme(plan.socialWorker, programmeId);
      // The list never carries it (issue 20); the programme's own read (step-up) does.
      expect(listed).toMatchObject({ freeTextShared: true });
      expect(textOf(listed)).not.toContain(WRITTEN);
      expect(detail).toMatchObject({ endReason: `${WRITTEN}: flyttet til krisecenter`, freeTextShared: true });
      expect(detail.history.map((h: { reason: string | null }) => h.reason)).toEqual([null, null, `${WRITTEN}: klar efter samtale med mor`, `${WRITTEN}: flyttet til krisecenter`]);
      expect(detail.conversations).toEqual(expect.arrayContaining([expect.objectContaining({ note: `${WRITTEN}: uro derhjemme` })]));
      expect(detail.employment.exceptionReason).toBe(`${WRITTEN}: har brug for flere timer for at hjælpe familien`);
    });
  });
});
