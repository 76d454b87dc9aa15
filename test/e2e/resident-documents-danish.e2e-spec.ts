import { COPY_SHAPE } from '../../src/resident-rights/document-labels';
import { asBytes, expectStatus, openCase, registerResident, shareCounselling, type PlanFixture, withPlan } from '../support/fixtures';
import { pdfTexts } from '../support/pdf-text';
import { anHourAgo, programmeFixtures } from '../support/programme-fixtures';

type Json = Record<string, unknown>;

/** Every code the copy's tables know (debt, in_person, clarification, …): none may reach a resident's document as it is. */
function codesOf(shape: object): string[] {
  return Object.values(shape).flatMap((inner: object) => (Object.values(inner).every((v) => typeof v === 'string') ? Object.keys(inner) : codesOf(inner)));
}

/** Every place in the JSON where a field holds a code (lower-case snake_case), with the label next to it. */
function codedFields(value: unknown, path = ''): { path: string; code: unknown; label: unknown; hasLabel: boolean }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => codedFields(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const item = value as Json;
  return Object.entries(item).flatMap(([key, v]) => {
    const isCode = (x: unknown) => typeof x === 'string' && /^[a-z]+(_[a-z]+)*$/.test(x);
    if (isCode(v) || (Array.isArray(v) && v.length > 0 && v.every(isCode))) return [{ path: `${path}.${key}`, code: v, label: item[`${key}Label`], hasLabel: `${key}Label` in item }];
    return codedFields(v, `${path}.${key}`);
  });
}

describe("the documents handed to a resident are in Danish", () => {
  let plan: PlanFixture;
  withPlan((world) => ({ plan } = world), 'Dansk kopi');

  /** Helle, with a debt case and an employment case (both built-in topics), a referral, a consent and an activity. */
  async function helleWithTwoCases() {
    const c = plan.counsellor;
    const helle = await registerResident(c, { housingAreaId: plan.areas.eligible, firstName: 'Helle', lastName: 'Hansen', birthDate: '1979-09-15', gender: 'female', confirmNotDuplicate: true });
    const debt = await openCase(c, { residentId: helle.id, topic: 'debt', form: 'open_drop_in', subject: 'Gæld til SKAT' });
    expectStatus(await c.post(`/counselling-cases/${debt.id}/contacts`, { occurredAt: anHourAgo(), channel: 'in_person', note: 'Budget lagt' }), 201, 'contact');
    await openCase(c, { residentId: helle.id, topic: 'employment', form: 'appointment', subject: 'Søger job' });
    await shareCounselling(c, helle.id, [plan.organisations.jobcenter]);
    expectStatus(await c.post(`/counselling-cases/${debt.id}/referrals`, { organisationId: plan.organisations.jobcenter, reason: 'Budget' }), 201, 'referral');
    return helle;
  }

  it("labels Helle's built-in topics Gæld and Beskæftigelse in her copy, and every other code next to it", async () => {
    const helle = await helleWithTwoCases();
    const res = await plan.counsellor.get(`/residents/${helle.id}/export`);
    expect(res.status).toBe(200);
    expect(res.body.counsellingCases.map((c: Json) => [c.topic, c.topicLabel])).toEqual([
      ['debt', 'Gæld'],
      ['employment', 'Beskæftigelse'],
    ]);
    expect(res.body.resident).toMatchObject({ gender: 'female', genderLabel: 'Kvinde' });
    expect(res.body.counsellingCases[0]).toMatchObject({ formLabel: 'Åben Rådgivning', statusLabel: 'Åben', contacts: [expect.objectContaining({ channelLabel: 'Personligt fremmøde' })] });
    expect(res.body.accessLog[0]).toMatchObject({ actionLabel: 'Udleverede en kopi af beboerens data', actor: { role: 'counsellor', roleLabel: 'Social- og økonomisk rådgiver' } });
    const unlabelled = codedFields(res.body).filter((f) => !f.path.startsWith('.accessLog') && (!f.hasLabel || f.label === f.code || f.label === null));
    expect(unlabelled).toEqual([]);
    for (const entry of res.body.accessLog as Json[]) {
      expect(entry.actionLabel).not.toBe(entry.action);
      expect(entry.purposeLabel).not.toBe(entry.purpose);
    }
  });

  it("gives a youth's copy with the programme's phase, conversation and match in Danish, as JSON and PDF", async () => {
    const fx = programmeFixtures(plan);
    const youth = await fx.youthWithConsent('Amira', 14);
    const programme = await fx.startProgramme(youth.id);
    await fx.conversation(programme, 'clarification');
    const employer = await fx.employer('Netto Vejleå');
    expectStatus(await plan.socialWorker.post(`/job-programmes/${programme.id}/matches`, { employerId: employer }), 201, 'propose a match');
    const activity = await plan.socialWorker.post('/activities', { kind: 'course', name: 'Jobparat-forløb', startsOn: '2026-03-02', endsOn: '2026-05-08', rollingIntake: true, capacity: 10 });
    expectStatus(activity, 201, 'activity');
    expectStatus(await plan.socialWorker.post(`/activities/${activity.body.id}/enrolments`, { residentId: youth.id, startedOn: '2026-03-16', referredFrom: 'youth_service' }), 201, 'enrol');

    const res = await plan.socialWorker.get(`/residents/${youth.id}/export`);
    expect(res.status).toBe(200);
    const [p] = res.body.jobProgrammes;
    expect(p).toMatchObject({ phase: 'clarification', phaseLabel: 'Afklaring og forventningsafstemning' });
    expect(p.conversations[0]).toMatchObject({ kind: 'clarification', kindLabel: 'Afklaringssamtale', participantsLabel: ['Den unge', 'Forælder eller værge'] });
    expect(p.matches[0]).toMatchObject({ status: 'proposed', statusLabel: 'Foreslået' });
    expect(res.body.activities.enrolments[0]).toMatchObject({ kind: 'course', kindLabel: 'Kursus', referredFromLabel: 'Kommunal ungeindsats (UU)' });
    expect(res.body.consents[0]).toMatchObject({ givenByLabel: 'Forælder eller værge', guardianRelationLabel: 'Mor', formLabel: 'Skriftligt' });
    const unlabelled = codedFields(res.body).filter((f) => !f.path.startsWith('.accessLog') && (!f.hasLabel || f.label === f.code || f.label === null));
    expect(unlabelled).toEqual([]);

    const pdf = await asBytes(plan.socialWorker.get(`/residents/${youth.id}/export?format=pdf`));
    expect(pdf.status).toBe(200);
    const texts = pdfTexts(pdf.body as Buffer);
    expect(texts).toEqual(expect.arrayContaining(['Afklaringssamtale', 'Foreslået', 'Kursus', 'Mor']));
    expect(texts.filter((text) => codesOf(COPY_SHAPE).includes(text))).toEqual([]);
  });

  it("prints Helle's topics and every code in Danish in the copy's PDF and the access log's PDF", async () => {
    const helle = await helleWithTwoCases();
    const copy = pdfTexts((await asBytes(plan.counsellor.get(`/residents/${helle.id}/export?format=pdf`))).body as Buffer);
    expect(copy).toEqual(expect.arrayContaining(['Sag: Gæld', 'Sag: Beskæftigelse', 'Kvinde', 'Personligt fremmøde']));
    expect(copy.filter((text) => codesOf(COPY_SHAPE).includes(text) || /^Sag: [a-z_]+$/.test(text))).toEqual([]);

    const log = pdfTexts((await asBytes(plan.counsellor.get(`/residents/${helle.id}/access-log?format=pdf`))).body as Buffer);
    expect(log).toEqual(expect.arrayContaining(['Registrerede en samtale', 'Rådgivning']));
    // An action, purpose or role code (counselling_case.read, data_subject_rights, counsellor) is never printed.
    expect(log.filter((text) => /^[a-z]+([._][a-z]+)+$|^(counsellor|leader|caseworker|admin|social_worker|counselling)$/.test(text))).toEqual([]);
  });
});
