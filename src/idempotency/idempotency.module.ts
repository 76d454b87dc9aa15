import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ExpiredKeysSweep } from './expired-keys-sweep';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Idempotency-Key on every authenticated POST (api.md conventions); see idempotency.interceptor.ts. */
@Module({
  providers: [IdempotencyKeysRepository, ExpiredKeysSweep, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [IdempotencyKeysRepository],
})
export class IdempotencyModule {}
