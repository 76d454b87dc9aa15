import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { CaseActivityService } from './case-activity.service';
import { CaseActivityRepository } from './case-activity.repository';
import { CounsellingCasesRepository } from './counselling-cases.repository';
import { CounsellingCasesService } from './counselling-cases.service';
import { CounsellingTopicsController } from './counselling-topics.controller';
import { CounsellingTopicsService } from './counselling-topics.service';
import { CounsellingResidentData } from './counselling-resident-data';
import { CounsellingController } from './counselling.controller';
import { CounsellingCase } from './entities/counselling-case.entity';
import { CounsellingContact } from './entities/counselling-contact.entity';
import { CounsellingReferral } from './entities/counselling-referral.entity';
import { CounsellingTopic } from './entities/counselling-topic.entity';
import { ReferralFollowUpController } from './referrals/referral-follow-up.controller';
import { ReferralFollowUpRepository } from './referrals/referral-follow-up.repository';
import { ReferralFollowUpService } from './referrals/referral-follow-up.service';
import { ReferralStatusChange } from './referrals/referral-status-change.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CounsellingCase, CounsellingContact, CounsellingReferral, CounsellingTopic, ReferralStatusChange]), ResidentsModule, PlansModule],
  controllers: [CounsellingController, CounsellingTopicsController, ReferralFollowUpController],
  providers: [CounsellingCasesService, CaseActivityService, CounsellingTopicsService, CounsellingCasesRepository, CaseActivityRepository, CounsellingResidentData, ReferralFollowUpService, ReferralFollowUpRepository],
  exports: [CounsellingResidentData, CounsellingCasesService],
})
export class CounsellingModule {}
