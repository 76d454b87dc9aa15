import { asBytes, createPlan, expectStatus, openCase, registerResident, shareCounselling, type PlanFixture, withPlan } from '../support/fixtures';
import { ownerDatabase } from '../support/owner-database';
import { programmeFixtures } from '../support/programme-fixtures';
import { completedReport } from '../support/reports';
import { type TestApp } from '../support/test-app';

interface LogEntry {
  occurredAt: string;
  actor: { id: string; name: string; role: string | null; organisation: string | null } | null;
  action: string;
  actionLabel: string;
  purpose: string;
  purposeLabel: string;
}

describe("a resident's rights: access log, copy and erasure", () => {
  let t: TestApp;
  let plan: PlanFixture;
  withPlan((world) => ({ t, plan } = world), 'Rettigheder');
  const owner = ownerDatabase();

  /** Helle, with a debt case, a contact with a note, a referral, a consent shared with the job centre and her mother as guardian. */
  async function helleWithHistory(p: PlanFixture = plan) {
    const c = p.counsellor;
    const helle = await registerResident(c, { housingAreaId: p.areas.eligible, firstName: 'Helle', lastName: 'Hansen', birthDate: '1979-09-15', gender: 'female', phone: '+45 20 30 40 50', confirmNotDuplicate: true });
    expectStatus(await c.post(`/residents/${helle.id}/guardians`, { name: 'Grethe Hansen', relation: 'mother', phone: '+45 21 31 41 51' }), 201, 'add guardian');
    const debt = await openCase(c, { residentId: helle.id, topic: 'debt', form: 'open_drop_in', subject: 'Gæld til SKAT efter skilsmisse', openedAt: '2025-03-03T10:00:00+01:00' });
    expectStatus(await c.post(`/counselling-cases/${debt.id}/contacts`, { occurredAt: '2025-03-03T10:05:00+01:00', channel: 'in_person', note: 'Helle græd, eksen betaler ikke' }), 201, 'contact');
    const consent = await shareCounselling(c, helle.id, [p.organisations.jobcenter], { documentReference: 'Samtykke Helle Hansen 3.3.2025', includesNotes: true });
    expectStatus(await c.post(`/counselling-cases/${debt.id}/referrals`, { organisationId: p.organisations.jobcenter, reason: 'Helle har brug for hjælp til budget' }), 201, 'referral');
    return { helle, debt, consent };
  }

  describe('the access log', () => {
    it('tells Helle who read and changed her data, when, what and why, newest first, and logs that it was read', async () => {
      const { helle, debt } = await helleWithHistory();
      expectStatus(await plan.caseworker.get(`/counselling-cases/${debt.id}`), 200, 'caseworker reads the shared case');
      expectStatus(await plan.counsellor.get(`/residents/${helle.id}/access-log`), 200, 'first read of the log');
      const res = await plan.counsellor.get(`/residents/${helle.id}/access-log`);
      expect(res.status).toBe(200);
      const items: LogEntry[] = res.body.items;
      expect(items[0]).toMatchObject({ action: 'resident.access_log_read', purpose: 'data_subject_rights', actor: { id: plan.counsellor.user.id, role: 'counsellor' } });
      const caseworkerRead = items.find((e) => e.action === 'counselling_case.read' && e.actor?.id === plan.caseworker.user.id);
      expect(caseworkerRead).toMatchObject({
        purpose: 'shared_by_consent',
        purposeLabel: 'Delt med samtykke fra beboeren',
        actionLabel: 'Så en rådgivningssag',
        actor: { role: 'caseworker', organisation: 'Center for Beskæftigelse og Erhverv' },
      });
      expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['resident.registered', 'guardian.added', 'counselling_case.opened', 'counselling_contact.recorded', 'consent.given']));
      const times = items.map((e) => e.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.access_log_read' AND actor_id = $2`, [helle.id, plan.counsellor.user.id])).toBe(2);
    });

    it('pages with a cursor without repeats, and refuses a forged cursor', async () => {
      const { helle } = await helleWithHistory();
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: LogEntry[]; nextCursor: string | null } } = await plan.counsellor.get(`/residents/${helle.id}/access-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((e) => `${e.occurredAt} ${e.action}`));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages).toBeGreaterThan(2);
      expect(new Set(seen).size).toBe(seen.length);
      const reads = await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.access_log_read'`, [helle.id]);
      expect((await plan.counsellor.get(`/residents/${helle.id}/access-log?cursor=bm9wZQ`)).status).toBe(400);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.access_log_read'`, [helle.id])).toBe(reads);
    });

    it("is open to the plan's leader and the owning compartment, and to nobody else", async () => {
      const { helle } = await helleWithHistory();
      expect((await plan.leader.get(`/residents/${helle.id}/access-log`)).status).toBe(200);
      expect((await plan.socialWorker.get(`/residents/${helle.id}/access-log`)).status).toBe(404);
      expect((await plan.caseworker.get(`/residents/${helle.id}/access-log`)).status).toBe(404);
      expect((await plan.admin.get(`/residents/${helle.id}/access-log`)).status).toBe(403);
      const other = await createPlan(t, 'Andre');
      expect((await other.leader.get(`/residents/${helle.id}/access-log`)).status).toBe(404);
      expect((await other.counsellor.get(`/residents/${helle.id}/access-log`)).status).toBe(404);
    });

    it('comes as a Danish PDF to hand over, naming Helle for her counsellor but not for the leader', async () => {
      const { helle } = await helleWithHistory();
      const pdf = await asBytes(plan.counsellor.get(`/residents/${helle.id}/access-log?format=pdf`));
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const leaderPdf = await asBytes(plan.leader.get(`/residents/${helle.id}/access-log?format=pdf`));
      expect(leaderPdf.status).toBe(200);
      expect((await plan.counsellor.get(`/residents/${helle.id}/access-log?format=docx`)).status).toBe(400);
    });
  });

  describe('the copy (Art. 15)', () => {
    it('holds everything about Helle in one JSON document, her access log included, and is audited', async () => {
      const { helle, consent } = await helleWithHistory();
      expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, { reason: 'Helle vil ikke længere dele' }), 200, 'withdraw');
      const res = await plan.counsellor.get(`/residents/${helle.id}/export`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="beboerdata-${helle.id}.json"`);
      expect(res.body.resident).toMatchObject({ id: helle.id, firstName: 'Helle', lastName: 'Hansen', birthDate: '1979-09-15', phone: '+45 20 30 40 50', housingArea: 'Vejleåparken' });
      expect(res.body.guardians).toEqual([expect.objectContaining({ name: 'Grethe Hansen', relation: 'mother' })]);
      expect(res.body.consents).toEqual([
        expect.objectContaining({ scope: 'share_counselling', documentReference: 'Samtykke Helle Hansen 3.3.2025', recipients: ['Center for Beskæftigelse og Erhverv'], withdrawal: expect.objectContaining({ reason: 'Helle vil ikke længere dele' }) }),
      ]);
      expect(res.body.counsellingCases).toHaveLength(1);
      expect(res.body.counsellingCases[0]).toMatchObject({ topic: 'debt', subject: 'Gæld til SKAT efter skilsmisse', contacts: [expect.objectContaining({ note: 'Helle græd, eksen betaler ikke' })], referrals: [expect.objectContaining({ reason: 'Helle har brug for hjælp til budget' })] });
      expect(res.body.jobProgrammes).toEqual([]);
      expect(res.body.accessLog[0]).toMatchObject({ action: 'resident.exported', actor: { id: plan.counsellor.user.id } });
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.exported'`, [helle.id])).toBe(1);
    });

    it("gives a youth's copy with the programme, and a Danish PDF", async () => {
      const fx = programmeFixtures(plan);
      const youth = await fx.youthWithConsent('Amira', 14);
      await fx.startProgramme(youth.id);
      const res = await plan.socialWorker.get(`/residents/${youth.id}/export`);
      expect(res.status).toBe(200);
      expect(res.body.jobProgrammes).toEqual([expect.objectContaining({ phase: 'clarification', transitions: [expect.objectContaining({ to: 'clarification' })] })]);
      expect(res.body.consents[0]).toMatchObject({ givenBy: 'guardian', guardianRelation: 'mother' });
      const pdf = await asBytes(plan.socialWorker.get(`/residents/${youth.id}/export?format=pdf`));
      expect(pdf.status).toBe(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('is for the owning compartment only', async () => {
      const { helle } = await helleWithHistory();
      expect((await plan.socialWorker.get(`/residents/${helle.id}/export`)).status).toBe(404);
      expect((await plan.leader.get(`/residents/${helle.id}/export`)).status).toBe(403);
      expect((await plan.caseworker.get(`/residents/${helle.id}/export`)).status).toBe(404);
      const other = await createPlan(t, 'Andre2');
      expect((await other.counsellor.get(`/residents/${helle.id}/export`)).status).toBe(404);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.exported'`, [helle.id])).toBe(0);
    });
  });

  describe('erasure (Art. 17)', () => {
    it("removes Helle's names, contact details, birth date, guardian and every note, keeps what is counted, and logs it", async () => {
      const { helle, debt, consent } = await helleWithHistory();
      expectStatus(await plan.counsellor.post(`/consents/${consent.id}/withdraw`, { reason: 'Helle flytter til Odense' }), 200, 'withdraw');
      const res = await plan.counsellor.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: helle.id, anonymous: true, pseudonym: expect.stringMatching(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/) });

      const row = (await owner.query(`SELECT * FROM residents WHERE id = $1`, [helle.id])).rows[0];
      expect(row).toMatchObject({ anonymous: true, first_name: null, last_name: null, birth_date: null, phone: null, email: null, birth_year: 1979, birth_half: 2, gender: 'female', erasure_reason: 'resident_request', named_before_erasure: true });
      const guardian = (await owner.query(`SELECT name, phone, relation, erased_at FROM guardians WHERE resident_id = $1`, [helle.id])).rows[0];
      expect(guardian).toMatchObject({ name: null, phone: null, relation: 'mother', erased_at: expect.any(Date) });
      const kase = (await owner.query(`SELECT subject, topic, opened_at FROM counselling_cases WHERE id = $1`, [debt.id])).rows[0];
      expect(kase).toMatchObject({ subject: null, topic: 'debt' });
      expect(await owner.count(`counselling_contacts WHERE case_id = $1 AND note IS NULL`, [debt.id])).toBe(1);
      expect(await owner.count(`counselling_referrals WHERE case_id = $1 AND reason IS NULL`, [debt.id])).toBe(1);
      const ledger = (await owner.query(`SELECT k.document_reference, k.scope, k.given_at, w.reason, w.withdrawn_at FROM consents k JOIN consent_withdrawals w ON w.consent_id = k.id WHERE k.id = $1`, [consent.id])).rows[0];
      expect(ledger).toMatchObject({ document_reference: null, scope: 'share_counselling', reason: null, withdrawn_at: expect.any(Date) });
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.erased' AND actor_id = $2`, [helle.id, plan.counsellor.user.id])).toBe(1);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'counselling_contact.recorded'`, [helle.id])).toBe(1);

      const read = await plan.counsellor.get(`/residents/${helle.id}`);
      expect(read.body).toMatchObject({ anonymous: true, pseudonym: res.body.pseudonym, birthYear: 1979 });
      expect(read.body).not.toHaveProperty('firstName');
      expect(read.body.guardians).toEqual([]);
      const search = await plan.counsellor.get('/residents?q=Helle');
      expect(search.body.items.map((r: { id: string }) => r.id)).not.toContain(helle.id);
      const copy = await plan.counsellor.get(`/residents/${helle.id}/export`);
      expect(JSON.stringify(copy.body)).not.toMatch(/Helle|Hansen|Grethe|SKAT|græd|budget|Odense|20 30 40 50/);
    });

    it("leaves no kept Idempotency-Key answer with Helle's data behind, and keeps everyone else's", async () => {
      const register = (firstName: string, key: string) =>
        plan.counsellor.post('/residents', { housingAreaId: plan.areas.eligible, firstName, lastName: 'Idempotent', phone: '+45 99 88 77 66', confirmNotDuplicate: true }).set('Idempotency-Key', key);
      const helle = await register('Helle', `erase-${Date.now()}-helle`);
      const other = await register('Bodil', `erase-${Date.now()}-bodil`);
      expect([helle.status, other.status]).toEqual([201, 201]);
      // Kept answers are encrypted; which resident each is about is a column of its own (issue 20).
      const kept = (id: string) => owner.count(`idempotency_keys WHERE resident_ids @> ARRAY[$1]::uuid[] AND answer_state = 'kept' AND answer IS NOT NULL`, [id]);
      expect([await kept(helle.body.id), await kept(other.body.id)]).toEqual([1, 1]);
      expectStatus(await plan.counsellor.post(`/residents/${helle.body.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
      expect(await kept(helle.body.id)).toBe(0);
      expect(await kept(other.body.id)).toBe(1);
    });

    it('answers the same again for an erased resident and takes nothing new on the record', async () => {
      const { helle, debt } = await helleWithHistory();
      const first = await plan.counsellor.post(`/residents/${helle.id}/erase`, { reason: 'no_longer_needed' });
      const again = await plan.counsellor.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await owner.count(`audit_events WHERE resident_id = $1 AND action = 'resident.erased'`, [helle.id])).toBe(1);
      const patch = await plan.counsellor.patch(`/residents/${helle.id}`, { housingAreaId: plan.areas.notEligible });
      expect(patch.status).toBe(409);
      expect(patch.body.code).toBe('resident_erased');
      const newCase = await plan.counsellor.post('/counselling-cases', { residentId: helle.id, topic: 'housing', form: 'appointment' });
      expect(newCase.status).toBe(409);
      expect(newCase.body.code).toBe('resident_erased');
      // No new conversation or referral on her open case either; what was open can still be closed.
      const contacts = await owner.count(`counselling_contacts WHERE case_id = $1`, [debt.id]);
      const contact = await plan.counsellor.post(`/counselling-cases/${debt.id}/contacts`, { occurredAt: new Date().toISOString(), channel: 'phone', note: 'Helle ringede' });
      expect(contact.status).toBe(409);
      expect(contact.body.code).toBe('resident_erased');
      expect(await owner.count(`counselling_contacts WHERE case_id = $1`, [debt.id])).toBe(contacts);
      const referral = await plan.counsellor.post(`/counselling-cases/${debt.id}/referrals`, { recipientName: 'Gældsrådgivningen', reason: 'Helle' });
      expect(referral.status).toBe(409);
      expect(referral.body.code).toBe('resident_erased');
      expectStatus(await plan.counsellor.post(`/counselling-cases/${debt.id}/close`, {}), 200, 'close the open case');
    });

    it('waits while a leisure-job programme is running, and changes nothing', async () => {
      const fx = programmeFixtures(plan);
      const youth = await fx.youthWithConsent('Yasmin', 14);
      await fx.startProgramme(youth.id);
      const res = await plan.socialWorker.post(`/residents/${youth.id}/erase`, { reason: 'resident_request' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('programme_running');
      expect(await owner.count(`residents WHERE id = $1 AND first_name = 'Yasmin' AND erased_at IS NULL`, [youth.id])).toBe(1);
      expect(await owner.count(`guardians WHERE resident_id = $1 AND name IS NOT NULL`, [youth.id])).toBe(1);
    });

    it('refuses a missing or unknown reason, and the retention reason, by hand', async () => {
      const { helle } = await helleWithHistory();
      for (const body of [{}, { reason: 'because' }, { reason: 'retention' }, { reason: 'resident_request', extra: 1 }]) {
        const res = await plan.counsellor.post(`/residents/${helle.id}/erase`, body);
        expect(res.status).toBe(400);
      }
      expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NULL`, [helle.id])).toBe(1);
    });

    it('is for the owning compartment only', async () => {
      const { helle } = await helleWithHistory();
      expect((await plan.socialWorker.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' })).status).toBe(404);
      expect((await plan.leader.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' })).status).toBe(403);
      expect((await plan.caseworker.post(`/residents/${helle.id}/erase`, { reason: 'resident_request' })).status).toBe(404);
      expect(await owner.count(`residents WHERE id = $1 AND erased_at IS NULL`, [helle.id])).toBe(1);
    });

    it('leaves a re-run half-year report with exactly the numbers it had, age bands and anonymous count included', async () => {
      const fresh = await createPlan(t, 'Sletning og statistik');
      const c = fresh.counsellor;
      // Born in the second half of 2007: 17 on 30 June 2025 by the birth date, 18 by the birth year alone.
      const sara = await registerResident(c, { housingAreaId: fresh.areas.eligible, firstName: 'Sara', birthDate: '2007-09-15', gender: 'female' });
      const ole = await registerResident(c, { housingAreaId: fresh.areas.notEligible, firstName: 'Ole', birthDate: '1995-12-01', gender: 'male' });
      const jens = await registerResident(c, { housingAreaId: fresh.areas.eligible, firstName: 'Jens', birthDate: '1975-03-01', gender: 'male' });
      const anonymous = await registerResident(c, { housingAreaId: fresh.areas.eligible, anonymous: true, birthYear: 1990 });
      for (const [who, topic, openedAt] of [
        [sara.id, 'education', '2025-02-03T10:00:00+01:00'],
        [ole.id, 'debt', '2025-03-03T10:00:00+01:00'],
        [jens.id, 'benefits', '2025-04-07T10:00:00+02:00'],
        [anonymous.id, 'housing', '2025-05-05T10:00:00+02:00'],
      ]) {
        const opened = await openCase(c, { residentId: who, topic, form: 'open_drop_in', subject: 'noget privat', openedAt });
        expectStatus(await c.post(`/counselling-cases/${opened.id}/contacts`, { occurredAt: openedAt, channel: 'in_person', note: 'privat' }), 201, 'contact');
      }
      const before = await completedReport(fresh.leader, 2025, 1);
      expect(before.result!.counselling).toMatchObject({ byAgeBand: { '0-17': 1, '18-29': 1, '50-66': 1, '30-49': 1 }, anonymousResidents: 1 });
      for (const r of [sara, ole, jens, anonymous]) expectStatus(await c.post(`/residents/${r.id}/erase`, { reason: 'resident_request' }), 200, 'erase');
      const after = await completedReport(fresh.leader, 2025, 1);
      expect(after.result).toEqual(before.result);
      // The stored report is a snapshot and stays as it was.
      expect((await fresh.leader.get(`/reports/${before.id}`)).body.result).toEqual(before.result);
    });
  });
});
