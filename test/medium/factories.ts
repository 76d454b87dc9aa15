import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testAppDatabaseUrl, testDatabaseUrl } from '../support/test-env';

/**
 * Small factories for the middle test tier: rows written straight into this file's migrated
 * database as its owner, so a test arranges exactly the data its query needs, without HTTP, the
 * queue or the services' rules. Only what the test names is given; the rest has plain defaults.
 */
export class Factories {
  private constructor(private readonly owner: Client) {}

  static async connect(): Promise<Factories> {
    const owner = new Client({ connectionString: testDatabaseUrl() });
    await owner.connect();
    return new Factories(owner);
  }

  close(): Promise<void> {
    return this.owner.end();
  }

  private async insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const [row] = (
      await this.owner.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(values),
      )
    ).rows as { id: string }[];
    return row.id;
  }

  /** A plan with one housing area and a counsellor who registers and opens everything. */
  async plan(name = `Plan ${randomUUID().slice(0, 8)}`): Promise<PlanRows> {
    const planId = await this.insert('plans', { name, municipality: 'Ishøj', valid_from: '2024-01-01', valid_to: '2029-12-31' });
    const areaId = await this.housingArea(planId, 'Vejleåparken');
    const counsellorId = await this.insert('users', {
      plan_id: planId,
      email: `raadgiver-${randomUUID()}@test.local`,
      name: 'Rasmus Rådgiver',
      role: 'counsellor',
      password_hash: 'not-a-login',
    });
    return { planId, areaId, counsellorId };
  }

  housingArea(planId: string, name: string): Promise<string> {
    return this.insert('housing_areas', { plan_id: planId, name });
  }

  resident(plan: PlanRows, values: { gender?: string; birthDate?: string; birthYear?: number; anonymous?: boolean; areaId?: string } = {}): Promise<string> {
    const anonymous = values.anonymous ?? false;
    return this.insert('residents', {
      plan_id: plan.planId,
      housing_area_id: values.areaId ?? plan.areaId,
      compartment: 'counselling',
      anonymous,
      pseudonym: anonymous ? `Anonym ${randomUUID().slice(0, 8)}` : null,
      first_name: anonymous ? null : 'Beboer',
      // Each factory resident is another person: never a possible duplicate of the last one.
      last_name: anonymous ? null : `Nr. ${randomUUID().slice(0, 8)}`,
      birth_date: values.birthDate ?? null,
      birth_year: values.birthYear ?? null,
      gender: values.gender ?? 'unknown',
      registered_by: plan.counsellorId,
    });
  }

  counsellingCase(plan: PlanRows, residentId: string, values: { topic: string; openedAt: string; form?: string; closedAt?: string }): Promise<string> {
    return this.insert('counselling_cases', {
      plan_id: plan.planId,
      resident_id: residentId,
      topic: values.topic,
      form: values.form ?? 'open_drop_in',
      status: values.closedAt ? 'closed' : 'open',
      opened_at: values.openedAt,
      closed_at: values.closedAt ?? null,
      opened_by: plan.counsellorId,
    });
  }

  contact(plan: PlanRows, caseId: string, occurredAt: string, channel = 'in_person'): Promise<string> {
    return this.insert('counselling_contacts', { plan_id: plan.planId, case_id: caseId, occurred_at: occurredAt, channel, recorded_by: plan.counsellorId });
  }

  counsellingTopic(plan: PlanRows, key: string, label: string): Promise<string> {
    return this.insert('counselling_topics', { plan_id: plan.planId, key, label });
  }
}

export interface PlanRows {
  planId: string;
  areaId: string;
  counsellorId: string;
}

/** The app's own least-privilege login to this file's database, as the services use it. */
export async function appDataSource(): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url: testAppDatabaseUrl(), entities: [] }).initialize();
}
