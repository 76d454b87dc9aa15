import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Reconciler } from '../jobs/reconciler';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

/**
 * Deletes stored answers past their 24 hours on every reconciler sweep (worker processes), so
 * the personal data they hold does not outlive the retry window. Lookups ignore older rows
 * anyway, so a late sweep never makes an old answer count again.
 */
@Injectable()
export class ExpiredKeysSweep implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reconciler: Reconciler,
    private readonly keys: IdempotencyKeysRepository,
  ) {}

  onModuleInit(): void {
    this.reconciler.everySweep('delete expired idempotency keys', (now) => this.keys.deleteExpired(this.dataSource.manager, now));
  }
}
