import { addMonths, mondayOf } from '../../src/common/calendar';
import { expectStatus, type Caller } from '../support/fixtures';
import { shiftDays, TODAY, type Programme, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';

const rulesOf = (res: { body: { errors?: { rule: string }[] } }) => (res.body.errors ?? []).map((e) => e.rule);

/** Issue 7 "Hardening": what a programme has passed stays passed; timesheets stay within the employment. */
describe('leisure-job programmes keep the requirements they have met', () => {
  let sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ishøj fritidsjob, værn', (world) => ({ sw, fx } = world));
  const employment = (p: Programme) => sw.get(`/job-programmes/${p.id}`).then((res) => res.body.employment);

  describe('the signatures on the employment contract', () => {
    it('cannot be erased once the youth works: 409 guard_passed names both signatures, and they stay', async () => {
      const { p, employerId, youth } = await fx().programmeIn('employment', 'Ahmad');
      const signed = fx().signedEmployment(employerId, youth.guardianId);
      const { contractSignedByYouthAt: _y, contractSignedByGuardianAt: _g, contractSignedByGuardianId: _id, ...unsigned } = signed;

      const refused = await sw.put(`/job-programmes/${p.id}/employment`, unsigned);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'guard_passed', phase: 'employment' });
      expect(refused.body.errors).toEqual([
        { field: 'contractSignedByYouthAt', rule: 'contract_signed_by_youth', message: 'the employment contract is not signed by the youth' },
        { field: 'contractSignedByGuardianAt', rule: 'contract_signed_by_guardian', message: 'the employment contract is not signed by a guardian' },
      ]);
      expect(await employment(p)).toMatchObject({
        contractSignedByYouthAt: signed.contractSignedByYouthAt,
        contractSignedByGuardianAt: signed.contractSignedByGuardianAt,
        contractSignedByGuardianId: youth.guardianId,
      });
    });

    it('cannot be erased in evaluation either, nor can the guardian who signed be dropped', async () => {
      const { p, employerId, youth } = await fx().programmeIn('evaluation', 'Bashir');
      const { contractSignedByGuardianId: _id, ...withoutGuardian } = fx().signedEmployment(employerId, youth.guardianId);
      const refused = await sw.put(`/job-programmes/${p.id}/employment`, withoutGuardian);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('guard_passed');
      expect(refused.body.errors).toEqual([
        { field: 'contractSignedByGuardianId', rule: 'contract_signed_by_guardian', message: 'the employment contract does not say which guardian signed it (contractSignedByGuardianId)' },
      ]);
    });

    it('may still be corrected while the programme is in matching', async () => {
      const { p, employerId, youth } = await fx().programmeIn('matching', 'Cyrus');
      await fx().acceptedMatch(p, employerId);
      const { contractSignedByYouthAt: _y, ...withoutYouth } = fx().signedEmployment(employerId, youth.guardianId);
      expectStatus(await sw.put(`/job-programmes/${p.id}/employment`, fx().signedEmployment(employerId, youth.guardianId)), 200, 'signed');
      expect((await sw.put(`/job-programmes/${p.id}/employment`, withoutYouth)).status).toBe(200);
    });
  });

  it("lets the social worker change an employed youth's hours and end date, signatures kept", async () => {
    const { p, employerId, youth } = await fx().programmeIn('employment', 'Dina');
    const signed = fx().signedEmployment(employerId, youth.guardianId);
    const changed = await sw.put(`/job-programmes/${p.id}/employment`, { ...signed, hoursPerWeek: 5, endDate: addMonths(signed.startDate, 5) });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ hoursPerWeek: 5, contractSignedByGuardianId: youth.guardianId });
  });

  it('refuses moving the start of an evaluated employment into the future: the youth has started', async () => {
    const { p, employerId, youth } = await fx().programmeIn('evaluation', 'Elif');
    const later = shiftDays(TODAY, 7);
    const refused = await sw.put(`/job-programmes/${p.id}/employment`, { ...fx().signedEmployment(employerId, youth.guardianId, later), contractSignedByYouthAt: TODAY, contractSignedByGuardianAt: TODAY });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ field: 'startDate', rule: 'employment_started', message: `the employment has not started yet (starts ${later})` }]);
  });

  it('refuses a start date on which the employer of an employed youth has no cooperation agreement', async () => {
    const { p, employerId, youth } = await fx().programmeIn('employment', 'Farah');
    const beforeAgreement = shiftDays(TODAY, -400);
    const res = await sw.put(`/job-programmes/${p.id}/employment`, {
      ...fx().signedEmployment(employerId, youth.guardianId, beforeAgreement),
      endDate: addMonths(beforeAgreement, 14),
      exceptionReason: 'Langt forløb aftalt med forældre',
    });
    expect(res.status).toBe(409);
    expect(rulesOf(res)).toEqual(['employer_agreement_active']);
  });

  it("refuses taking back the accepted match of a youth who works there (409 guard_passed)", async () => {
    const { p } = await fx().programmeIn('employment', 'Gül');
    const [match] = (await sw.get(`/job-programmes/${p.id}`)).body.matches;
    const refused = await sw.patch(`/job-programmes/${p.id}/matches/${match.id}`, { status: 'withdrawn', version: match.version });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'guard_passed', errors: [{ field: 'status', rule: 'match_accepted', message: 'no match is accepted' }] });
    expect((await sw.get(`/job-programmes/${p.id}`)).body.matches[0].status).toBe('accepted');
  });

  describe('which guardian signed the contract', () => {
    it('is recorded with the employment and shown in it', async () => {
      const { p, employerId, youth } = await fx().programmeIn('matching', 'Hiba');
      await fx().acceptedMatch(p, employerId);
      const res = await sw.put(`/job-programmes/${p.id}/employment`, fx().signedEmployment(employerId, youth.guardianId));
      expect(res.status).toBe(200);
      expect(res.body.contractSignedByGuardianId).toBe(youth.guardianId);
      expect((await employment(p)).contractSignedByGuardianId).toBe(youth.guardianId);
    });

    it("must be one of the youth's registered guardians (422 registered_guardian)", async () => {
      const { p, employerId } = await fx().programmeIn('matching', 'Idris');
      const someoneElse = await fx().youthWithConsent('Jamal');
      await fx().acceptedMatch(p, employerId);
      const res = await sw.put(`/job-programmes/${p.id}/employment`, fx().signedEmployment(employerId, someoneElse.guardianId));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'contractSignedByGuardianId', rule: 'registered_guardian', message: 'contractSignedByGuardianId is not a registered guardian of the youth' }]);
    });

    it('is needed with the date before the youth can start work', async () => {
      const { p, employerId, youth } = await fx().programmeIn('matching', 'Kian');
      await fx().acceptedMatch(p, employerId);
      const { contractSignedByGuardianId: _id, ...dateOnly } = fx().signedEmployment(employerId, youth.guardianId);
      expectStatus(await sw.put(`/job-programmes/${p.id}/employment`, dateOnly), 200, 'employment without the guardian');
      const refused = await fx().move(p, { to: 'employment' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('guard_unmet');
      expect(refused.body.errors).toEqual([{ rule: 'contract_signed_by_guardian', message: 'the employment contract does not say which guardian signed it (contractSignedByGuardianId)' }]);
    });
  });

  describe('timesheets and the employment period', () => {
    /** An employed youth whose employment of four months ended about a month ago. */
    async function endedEmployment(name: string) {
      const { p: matching, employerId, youth } = await fx().programmeIn('matching', name);
      await fx().acceptedMatch(matching, employerId);
      const startDate = addMonths(TODAY, -5);
      const body = fx().signedEmployment(employerId, youth.guardianId, startDate);
      expectStatus(await sw.put(`/job-programmes/${matching.id}/employment`, body), 200, 'employment');
      return { p: await fx().moveOk(matching, { to: 'employment' }), body };
    }

    it('refuses a week that starts after the employment ended (422 not_after_employment), and takes its last week', async () => {
      const { p, body } = await endedEmployment('Lamia');
      const lastWeek = mondayOf(body.endDate);
      const after = await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: shiftDays(lastWeek, 7), hours: 4 });
      expect(after.status).toBe(422);
      expect(after.body.errors).toEqual([
        { field: 'weekStart', rule: 'not_after_employment', message: `the week of ${shiftDays(lastWeek, 7)} starts after the employment ended (${body.endDate})` },
      ]);
      expect((await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: lastWeek, hours: 4 })).status).toBe(201);
    });

    it('keeps recorded weeks inside the employment when its dates change (409 timesheets_outside_employment)', async () => {
      const { p, body } = await endedEmployment('Mina');
      const lastWeek = mondayOf(body.endDate);
      expectStatus(await sw.post(`/job-programmes/${p.id}/timesheets`, { weekStart: lastWeek, hours: 4 }), 201, 'last week');
      const shorter = { ...body, endDate: shiftDays(lastWeek, -1), exceptionReason: 'Stoppede en uge før' };
      const refused = await sw.put(`/job-programmes/${p.id}/employment`, shorter);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'timesheets_outside_employment', weeks: [lastWeek], errors: [{ field: 'endDate', rule: 'covers_recorded_timesheets' }] });
    });
  });
});
