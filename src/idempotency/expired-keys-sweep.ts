import { Injectable, OnModuleInit } from '@nestjs/common';
import { Reconciler } from '../jobs/reconciler';
import { IdempotencyKeys } from './idempotency-keys';

/**
 * Deletes stored answers past their 24 hours on every reconciler sweep (worker processes), so
 * the personal data they hold does not outlive the retry window. Lookups ignore older rows
 * anyway, so a late sweep never makes an old answer count again.
 */
@Injectable()
export class ExpiredKeysSweep implements OnModuleInit {
  constructor(
    private readonly reconciler: Reconciler,
    private readonly keys: IdempotencyKeys,
  ) {}

  onModuleInit(): void {
    this.reconciler.everySweep('delete expired idempotency keys', (now) => this.keys.deleteExpired(now));
  }
}
