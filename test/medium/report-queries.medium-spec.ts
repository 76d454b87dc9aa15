import type { DataSource } from 'typeorm';
import { ReportsRepository } from '../../src/statistics/reports.repository';
import { appDataSource, Factories, type PlanRows } from './factories';

// The half-year H1 2025: 1 January up to (not including) 1 July, local time in Copenhagen.
const H1_2025: [string, string] = ['2025-01-01', '2025-07-01'];

describe('the half-year report SQL, against a migrated database', () => {
  let db: DataSource;
  let make: Factories;
  const reports = new ReportsRepository();
  const counselling = (plan: PlanRows) => reports.counselling(db.manager, [plan.planId, ...H1_2025]);

  beforeAll(async () => {
    db = await appDataSource();
    make = await Factories.connect();
  });
  afterAll(async () => {
    await make.close();
    await db.destroy();
  });

  it("counts Helle's three matters as three cases and Mohammed's months of contacts on one matter as one", async () => {
    const plan = await make.plan();
    const helle = await make.resident(plan, { gender: 'female', birthYear: 1979 });
    for (const [topic, openedAt] of [['family', '2025-02-03T10:00:00+01:00'], ['rent_arrears', '2025-03-10T10:00:00+01:00'], ['digital_self_service', '2025-05-12T10:00:00+02:00']]) {
      await make.counsellingCase(plan, helle, { topic, openedAt });
    }
    const mohammed = await make.resident(plan, { gender: 'male', birthDate: '1985-06-01' });
    const debt = await make.counsellingCase(plan, mohammed, { topic: 'debt', form: 'appointment', openedAt: '2025-01-13T09:00:00+01:00' });
    for (const occurredAt of ['2025-01-13T09:00:00+01:00', '2025-02-01T09:00:00+01:00', '2025-04-01T09:00:00+02:00', '2025-06-02T09:00:00+02:00']) {
      await make.contact(plan, debt, occurredAt);
    }

    const result = await counselling(plan);

    expect(result).toMatchObject({ casesStarted: 4, casesActive: 1, contacts: 4, uniqueResidents: 2 });
    expect(result.byTopic).toEqual({ family: 1, rent_arrears: 1, digital_self_service: 1, debt: 1 });
  });

  it('counts a case once, in the half-year it was opened, and its later contacts only as activity', async () => {
    const plan = await make.plan();
    const resident = await make.resident(plan);
    const older = await make.counsellingCase(plan, resident, { topic: 'debt', openedAt: '2024-11-04T10:00:00+01:00' });
    await make.contact(plan, older, '2025-02-04T10:00:00+01:00');

    const result = await counselling(plan);

    expect(result).toMatchObject({ casesStarted: 0, casesActive: 1, contacts: 1, uniqueResidents: 1 });
  });

  it('takes the period bounds at midnight in Copenhagen, summer time included', async () => {
    const plan = await make.plan();
    const resident = await make.resident(plan);
    await make.counsellingCase(plan, resident, { topic: 'family', openedAt: '2025-06-30T23:30:00+02:00' });
    await make.counsellingCase(plan, resident, { topic: 'debt', openedAt: '2025-07-01T00:10:00+02:00' });
    await make.counsellingCase(plan, resident, { topic: 'housing', openedAt: '2024-12-31T23:50:00+01:00' });
    await make.counsellingCase(plan, resident, { topic: 'health', openedAt: '2025-01-01T00:00:00+01:00' });

    expect((await counselling(plan)).byTopic).toEqual({ family: 1, health: 1 });
  });

  it('puts each resident in the age band of their age on the last day of the period', async () => {
    const plan = await make.plan();
    const bands: [{ birthDate?: string; birthYear?: number }, string][] = [
      [{ birthDate: '2007-07-01' }, '0-17'], // 17 on 30 June 2025
      [{ birthDate: '2007-06-30' }, '18-29'], // 18 that day
      [{ birthDate: '1995-07-01' }, '18-29'], // 29
      [{ birthDate: '1975-07-01' }, '30-49'], // 49
      [{ birthDate: '1975-06-30' }, '50-66'], // 50
      [{ birthYear: 1959 }, '50-66'], // 66 during 2025
      [{ birthYear: 1958 }, '67+'], // 67 during 2025
      [{}, 'unknown'],
    ];
    for (const [born] of bands) {
      await make.counsellingCase(plan, await make.resident(plan, born), { topic: 'other', openedAt: '2025-03-03T10:00:00+01:00' });
    }

    expect((await counselling(plan)).byAgeBand).toEqual({ '0-17': 1, '18-29': 2, '30-49': 1, '50-66': 2, '67+': 1, unknown: 1 });
  });

  it('gives the suppression every breakdown of the cases started with the same total, and the anonymous as part of the residents', async () => {
    const plan = await make.plan();
    const strandparken = await make.housingArea(plan.planId, 'Strandparken');
    const named = await make.resident(plan, { gender: 'female', birthYear: 1980 });
    const anonymous = await make.resident(plan, { anonymous: true, birthYear: 1990, areaId: strandparken });
    await make.counsellingCase(plan, named, { topic: 'debt', openedAt: '2025-02-03T10:00:00+01:00' });
    await make.counsellingCase(plan, named, { topic: 'benefits', form: 'outreach', openedAt: '2025-02-04T10:00:00+01:00' });
    await make.counsellingCase(plan, anonymous, { topic: 'debt', form: 'event', openedAt: '2025-03-04T10:00:00+01:00' });

    const result = await counselling(plan);

    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(result.casesStarted).toBe(3);
    for (const breakdown of [result.byTopic, result.byForm, result.byHousingArea, result.byAgeBand, result.byGender]) expect(sum(breakdown)).toBe(3);
    expect(result.byHousingArea).toEqual({ Vejleåparken: 2, Strandparken: 1 });
    expect(result).toMatchObject({ uniqueResidents: 2, anonymousResidents: 1 });
  });

  it("never counts another plan's residents, cases or contacts", async () => {
    const plan = await make.plan();
    const other = await make.plan();
    const theirs = await make.counsellingCase(other, await make.resident(other), { topic: 'debt', openedAt: '2025-02-03T10:00:00+01:00' });
    await make.contact(other, theirs, '2025-02-03T10:00:00+01:00');

    expect(await counselling(plan)).toMatchObject({ casesStarted: 0, casesActive: 0, contacts: 0, uniqueResidents: 0, byTopic: {} });
  });

  it("reads the plan's own topic labels, and only that plan's", async () => {
    const plan = await make.plan();
    const other = await make.plan();
    await make.counsellingTopic(plan, 'pension', 'Pension og efterløn');
    await make.counsellingTopic(other, 'pension', 'Pension');

    expect(await reports.topicLabels(db.manager, plan.planId)).toEqual({ pension: 'Pension og efterløn' });
  });
});
