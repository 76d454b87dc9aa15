import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { ConsentWithdrawal } from './consent-withdrawal.entity';
import { Consent } from './consent.entity';
import { ConsentResidentData } from './consent-resident-data';
import { ConsentsController } from './consents.controller';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Consent, ConsentWithdrawal]), ResidentsModule, PlansModule, IdempotencyModule],
  controllers: [ConsentsController],
  providers: [ConsentsService, ConsentsRepository, ConsentResidentData],
  exports: [ConsentsService, ConsentsRepository, ConsentResidentData],
})
export class ConsentsModule {}
