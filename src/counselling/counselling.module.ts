import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { CaseActivityService } from './case-activity.service';
import { CaseActivityRepository } from './case-activity.repository';
import { CounsellingCasesRepository } from './counselling-cases.repository';
import { CounsellingTopicsRepository } from './counselling-topics.repository';
import { CounsellingCasesService } from './counselling-cases.service';
import { CounsellingTopicsController } from './counselling-topics.controller';
import { CounsellingTopicsService } from './counselling-topics.service';
import { CounsellingResidentData } from './counselling-resident-data';
import { CounsellingController } from './counselling.controller';
import { CounsellingCase } from './entities/counselling-case.entity';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';
import { CounsellingTopic } from './entities/counselling-topic.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CounsellingCase, CounsellingContact, CounsellingReferral, CounsellingTopic]), ResidentsModule, PlansModule],
  controllers: [CounsellingController, CounsellingTopicsController],
  providers: [CounsellingCasesService, CaseActivityService, CounsellingTopicsService, CounsellingCasesRepository, CaseActivityRepository, CounsellingTopicsRepository, CounsellingResidentData],
  exports: [CounsellingResidentData],
})
export class CounsellingModule {}
