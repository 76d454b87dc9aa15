import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A statement of a hot path (bench/README.md): its SQL in one place, parsed and planned by
 * PostgreSQL once per connection and then only bound and executed, and sent without TypeORM's
 * query building, hydration and per-query query runner.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const registered = new Map<string, string>();

/** Declares a prepared statement; a name is one statement for the life of every connection. */
export function preparedStatement(name: string, text: string): PreparedStatement {
  const known = registered.get(name);
  if (known !== undefined && known !== text) throw new Error(`Prepared statement "${name}" is declared twice with different SQL`);
  registered.set(name, text);
  return { name, text };
}

interface TransactionalManager {
  queryRunner?: { isTransactionActive?: boolean; connect(): Promise<PoolClient> };
}

/**
 * Runs prepared statements on the connection pool TypeORM opened (the same pool, settings and
 * limits), so a hot path and the rest of the app share one pool and one transaction model.
 */
@Injectable()
export class PreparedStatements {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  /**
   * The statement's rows. Inside a transaction (`manager` from UnitOfWork.run) it runs on that
   * transaction's connection; without one it is a transaction of its own: a single statement
   * commits or rolls back whole, so a statement that locks, checks and writes needs no BEGIN.
   */
  async rows<T extends QueryResultRow>(statement: PreparedStatement, values: unknown[], manager?: EntityManager): Promise<T[]> {
    const runner = (manager as TransactionalManager | undefined)?.queryRunner;
    const client = runner?.isTransactionActive ? await runner.connect() : this.pool;
    const result = await client.query<T>({ name: statement.name, text: statement.text, values });
    return result.rows;
  }
}
