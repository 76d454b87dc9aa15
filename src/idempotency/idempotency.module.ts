import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ResidentsModule } from '../residents/residents.module';
import { UsersModule } from '../users/users.module';
import { ExpiredKeysSweep } from './expired-keys-sweep';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { KeptAnswerCipher } from './kept-answer-cipher';
import { KeptAnswers } from './kept-answers';

/** Idempotency-Key on every authenticated POST (api.md conventions); see idempotency.interceptor.ts. */
@Module({
  imports: [ResidentsModule, UsersModule],
  providers: [IdempotencyKeysRepository, KeptAnswerCipher, KeptAnswers, ExpiredKeysSweep, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [IdempotencyKeysRepository],
})
export class IdempotencyModule {}
