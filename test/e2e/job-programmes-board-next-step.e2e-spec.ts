import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { expectStatus, registerResident, type Caller, type PlanFixture } from '../support/fixtures';
import { birthDateForAge, type Programme, withProgrammePlan, type ProgrammeWorld } from '../support/programme-fixtures';

/**
 * Issue 22: the board's list gives every programme's nextStep for the whole page in a fixed number
 * of queries, and each is what the programme's own page says (the same guards).
 */
describe("the board's nextStep for a page of programmes", () => {
  let plan: PlanFixture, sw: Caller, fx: ProgrammeWorld['fx'];
  withProgrammePlan('Ishøj tavlen', (world) => ({ plan, sw, fx } = world));

  it('equals the single programme\'s nextStep for programmes in every phase and state', async () => {
    const ids: string[] = [];
    // Clarification, nothing done yet: no consent, no conversation.
    const bare = await registerResident(sw, { housingAreaId: plan.areas.eligible, firstName: 'Noah', birthDate: birthDateForAge(13) });
    ids.push((await sw.post('/job-programmes', { residentId: bare.id })).body.id);
    // Clarification, ready to move.
    const ready = await fx().programmeIn('clarification', 'Sara');
    await fx().conversation(ready.p, 'clarification');
    ids.push(ready.p.id);
    // Matching with an accepted match but no employment.
    const matching = await fx().programmeIn('matching', 'Rana');
    await fx().acceptedMatch(matching.p, matching.employerId);
    ids.push(matching.p.id);
    // Matching with nothing done yet.
    ids.push((await fx().programmeIn('matching', 'Nora')).p.id);
    // Matching with the employment recorded at an employer without a cooperation agreement.
    const late = await fx().programmeIn('matching', 'Lina');
    const noAgreement = await fx().employer('Butik uden aftale', false);
    await fx().acceptedMatch(late.p, noAgreement);
    expectStatus(await sw.put(`/job-programmes/${late.p.id}/employment`, fx().signedEmployment(noAgreement, late.youth.guardianId)), 200, 'employment without agreement');
    ids.push(late.p.id);
    // Employment, evaluation (one with its evaluation conversation), and one ended.
    ids.push((await fx().programmeIn('employment', 'Hiba')).p.id);
    ids.push((await fx().programmeIn('evaluation', 'Ida')).p.id);
    const evaluated = await fx().programmeIn('evaluation', 'Maja');
    await fx().conversation(evaluated.p, 'evaluation');
    ids.push(evaluated.p.id);
    const ended = await fx().programmeIn('clarification', 'Emma');
    await fx().moveOk(ended.p, { to: 'ended', reason: 'Flyttet' });
    ids.push(ended.p.id);
    // The guardian withdraws her consent: the next step asks for it again.
    const withdrawn = await fx().programmeIn('clarification', 'Asta');
    expectStatus(await sw.post(`/consents/${withdrawn.youth.consentId}/withdraw`, { reason: 'Mor har trukket det' }), 200, 'withdraw');
    ids.push(withdrawn.p.id);

    const list = await sw.get('/job-programmes?limit=100');
    expectStatus(list, 200, 'list');
    const listed = new Map<string, unknown>((list.body.items as (Programme & { nextStep: unknown })[]).map((i) => [i.id, i.nextStep]));
    const rules = new Set<string>();
    for (const id of ids) {
      const single = await sw.get(`/job-programmes/${id}`);
      expectStatus(single, 200, 'read programme');
      expect({ id, nextStep: listed.get(id) }).toEqual({ id, nextStep: single.body.nextStep });
      for (const u of single.body.nextStep?.unmet ?? []) rules.add(u.rule);
    }
    // The set-up reaches the guards it means to: each kind of fact is read.
    expect([...rules].sort()).toEqual(
      expect.arrayContaining(['clarification_conversation', 'employer_agreement_active', 'employment_recorded', 'evaluation_conversation', 'guardian_participation_consent', 'match_accepted', 'ordinary_job_named']),
    );
    expect(listed.get(ended.p.id)).toBeNull();
  });

  it('reads a longer page in as many queries as a shorter one (after the programmes above)', async () => {
    const count = async (limit: number) => {
      // Every statement of the app goes through the Postgres query runner: count them while the list is read.
      const original = PostgresQueryRunner.prototype.query;
      let statements = 0;
      PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
        // The outbox's dispatcher polls on its own schedule: its statements are not the list's.
        if (!/^\s*(START TRANSACTION|COMMIT|ROLLBACK)|FROM outbox/.test(String(args[0]))) statements++;
        return original.apply(this, args);
      } as typeof original;
      try {
        const res = await sw.get(`/job-programmes?limit=${limit}`);
        expectStatus(res, 200, 'list');
        expect(res.body.items.length).toBe(limit);
        return statements;
      } finally {
        PostgresQueryRunner.prototype.query = original;
      }
    };
    // Both pages hold a programme with an employment, so both read the agreements.
    expect(await count(9)).toBe(await count(3));
  });
});
