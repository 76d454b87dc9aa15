import type { DataSource } from 'typeorm';
import { ResidentRecordData } from '../../src/residents/resident-record-data';
import { appDataSource, Factories } from './factories';

describe('erasing many residents at once, against a migrated database', () => {
  let db: DataSource;
  let make: Factories;

  beforeAll(async () => {
    db = await appDataSource();
    make = await Factories.connect();
  });
  afterAll(async () => {
    await make.close();
    await db.destroy();
  });

  it('gives every erased resident of a batch a pseudonym of their own, never one the plan already uses', async () => {
    const plan = await make.plan();
    const taken = ['AAAAA3', 'AAAAA4', 'AAAAA6'];
    for (const code of taken) {
      await make.resident(plan, { anonymous: true });
      await db.query(`UPDATE residents SET pseudonym = $2 WHERE id = (SELECT id FROM residents WHERE plan_id = $1 AND pseudonym LIKE 'Anonym%' LIMIT 1)`, [plan.planId, code]);
    }
    const named: string[] = [];
    for (let i = 0; i < 30; i += 1) named.push(await make.resident(plan, { birthDate: '1990-08-01' }));
    // A tiny pool, each code drawn twice in a row and the plan's own codes among them:
    // what a night's batch of thousands in a large plan meets now and then.
    const pool = [...taken, ...Array.from({ length: 57 }, (_, i) => `C${String(i).padStart(5, '0')}`)];
    let n = 0;
    class TinyPool extends ResidentRecordData {
      protected override drawPseudonym(): string {
        return pool[Math.floor(n++ / 2) % pool.length];
      }
    }

    const erased = await db.transaction((manager) => new TinyPool().anonymise(manager, named, 'retention'));

    expect(erased).toHaveLength(30);
    const codes = erased.map((e) => e.pseudonym);
    expect(new Set(codes).size).toBe(30);
    expect(codes.filter((c) => taken.includes(c))).toEqual([]);
    const rows = (await db.query(`SELECT count(*) AS n FROM residents WHERE plan_id = $1 AND erased_at IS NOT NULL AND first_name IS NULL AND birth_half = 2`, [plan.planId]))[0];
    expect(Number(rows.n)).toBe(30);
  });
});
