import { randomBytes } from 'node:crypto';
import { asBytes, expectStatus, withPlan, type PlanFixture } from '../support/fixtures';
import { completedReport } from '../support/reports';

/**
 * The half-year report's employer section (issue 23 part 3), one figure at a time on hand-made data
 * for H1 2026 (1 January to 30 June, Danish time): what happened in H1 counts, what happened just
 * outside it does not. 23:30 on 30 June in summer time is 21:30 UTC, still H1; 00:15 on 1 July is H2.
 */
describe('the half-year report on the employer register', () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world), 'Virksomhedsstatistik');
  let employers: Record<string, number>;
  let reportId: string;

  const employer = async (name: string): Promise<string> => {
    const res = await plan.counsellor.post('/employers', { name: `${name} ${randomBytes(2).toString('hex')}`, sector: 'private' });
    expectStatus(res, 201, 'employer');
    return res.body.id;
  };
  const created = async (path: string, body: object, what: string, caller = plan.counsellor): Promise<{ id: string }> => {
    const res = await caller.post(path, body);
    expectStatus(res, 201, what);
    return res.body;
  };

  beforeAll(async () => {
    const [netto, rema, bilka, lidl, coop] = [await employer('Netto'), await employer('Rema'), await employer('Bilka'), await employer('Lidl'), await employer('Coop')];

    // Approached: Netto twice in H1 (counted once), Bilka on New Year's night just after midnight;
    // Rema only at 00:15 on 1 July and Lidl at 23:30 on New Year's Eve 2025: neither in H1.
    const contact = (id: string, at: string) => created(`/employers/${id}/contacts`, { at, kind: 'visit' }, `contact ${at}`);
    await contact(netto, '2026-03-02T10:00:00+01:00');
    await contact(netto, '2026-06-30T23:30:00+02:00');
    await contact(bilka, '2026-01-01T00:10:00+01:00');
    await contact(rema, '2026-07-01T00:15:00+02:00');
    await contact(lidl, '2025-12-31T23:30:00+01:00');

    // New agreements: signed on 1 January and on 30 June count; on 31 December 2025 and 1 July do not.
    const agreement = (id: string, signedAt: string) => created(`/employers/${id}/agreements`, { signedAt, validFrom: signedAt }, `agreement ${signedAt}`, plan.socialWorker);
    await agreement(netto, '2026-01-01');
    await agreement(rema, '2026-06-30');
    await agreement(bilka, '2025-12-31');
    await agreement(lidl, '2026-07-01');

    // Network members on some day of H1: Netto (ended on 1 January), Rema (from 30 June), Bilka in two
    // periods of H1 (counted once); Lidl left on 31 December 2025 and Coop joins on 1 July.
    const join = (id: string, from: string, to?: string) => created(`/employers/${id}/network`, { from, ...(to ? { to } : {}) }, `network ${from}`);
    await join(netto, '2025-06-01', '2026-01-01');
    await join(rema, '2026-06-30');
    await join(bilka, '2026-02-01', '2026-02-28');
    await join(bilka, '2026-05-01', '2026-05-31');
    await join(lidl, '2025-01-01', '2025-12-31');
    await join(coop, '2026-07-01');

    // Network meetings: 10 March with Netto and Rema, 30 June at 23:30 with Bilka (H1); 1 July at 00:15 with Netto (H2).
    const meetings = await created('/activities', { kind: 'network_meeting', name: 'Virksomhedsnetværk', startsOn: '2025-01-01' }, 'network');
    const meeting = (startsAt: string, employerIds: string[]) => created(`/activities/${meetings.id}/sessions`, { startsAt, headcount: { total: 4 }, employerIds }, `meeting ${startsAt}`);
    await meeting('2026-03-10T16:00:00+01:00', [netto, rema]);
    await meeting('2026-06-30T23:30:00+02:00', [bilka]);
    await meeting('2026-07-01T00:15:00+02:00', [netto]);

    const report = await completedReport(plan.leader, 2026, 1);
    employers = report.result?.employers as Record<string, number>;
    reportId = report.id;
  });

  it('counts each employer approached in the half-year once, by the Danish date of the contact', () => {
    expect(employers.approached).toBe(2);
  });

  it('counts the cooperation agreements signed in the half-year', () => {
    expect(employers.newAgreements).toBe(2);
  });

  it('counts the employers in the network on at least one day of the half-year, each once', () => {
    expect(employers.networkMembers).toBe(3);
  });

  it('counts the network meetings employers came to, and their attendances, by the Danish time of the meeting', () => {
    expect(employers.networkMeetings).toBe(2);
    expect(employers.meetingAttendances).toBe(3);
  });

  it('prints the section in the exports with Danish labels', async () => {
    const csv = (await asBytes(plan.leader.get(`/reports/${reportId}/export?format=csv`))).body.toString('utf8');
    expect(csv).toContain('Virksomheder;Virksomheder kontaktet;2;');
    expect(csv).toContain('Virksomheder;Nye samarbejdsaftaler;2;');
    expect(csv).toContain('Virksomheder;Virksomheder i netværket;3;');
    expect(csv).toContain('Virksomheder;Virksomhedsdeltagelser i netværksmøder;3;');
    const figures = await plan.leader.get(`/reports/${reportId}/figures`);
    expect(figures.body.sections.find((s: { title: string }) => s.title === 'Virksomheder')?.figures[0]).toMatchObject({ label: 'Virksomheder kontaktet', count: { value: 2 } });
  });
});
