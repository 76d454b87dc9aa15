import type { EntityManager } from 'typeorm';

/**
 * PostgreSQL advisory locks, the one way processes here take turns (migrations, the reconciler's
 * sweep, the demo seed, a retried request's Idempotency-Key). A number names a lock of its own;
 * a text key is hashed to one, so keys from user input need no registry.
 */
type LockKey = number | string;

const keySql = (key: LockKey) => (typeof key === 'number' ? '$1::bigint' : 'hashtextextended($1, 0)');

/** Takes the lock for the caller's transaction if nobody holds it; whether it was taken. */
export async function tryTransactionLock(manager: EntityManager, key: LockKey): Promise<boolean> {
  const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock(${keySql(key)}) AS locked`, [key]);
  return locked;
}

/** Waits for the lock, held by the connection until `releaseSessionLock` (or until it closes). */
export async function takeSessionLock(manager: EntityManager, key: LockKey): Promise<void> {
  await manager.query(`SELECT pg_advisory_lock(${keySql(key)})`, [key]);
}

export async function releaseSessionLock(manager: EntityManager, key: LockKey): Promise<void> {
  await manager.query(`SELECT pg_advisory_unlock(${keySql(key)})`, [key]);
}
