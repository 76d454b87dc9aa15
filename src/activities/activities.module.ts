import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '../employers/employers.module';
import { PlansModule } from '../plans/plans.module';
import { ResidentsModule } from '../residents/residents.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import { ActivityKindsController } from './activity-kinds.controller';
import { ActivityKindsService } from './activity-kinds.service';
import { ActivityResidentData } from './activity-resident-data';
import { AttendanceController } from './attendance.controller';
import { EnrolmentsRepository } from './enrolments.repository';
import { EnrolmentsService } from './enrolments.service';
import { ActivityEnrolment } from './entities/activity-enrolment.entity';
import { ActivityKind } from './entities/activity-kind.entity';
import { ActivitySession } from './entities/activity-session.entity';
import { Activity } from './entities/activity.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { TodayService } from './today.service';

@Module({
  imports: [TypeOrmModule.forFeature([Activity, ActivityKind, ActivitySession, ActivityEnrolment]), ResidentsModule, PlansModule, EmployersModule],
  controllers: [ActivityKindsController, ActivitiesController, AttendanceController],
  providers: [
    ActivityKindsService,
    ActivitiesService,
    SessionsService,
    TodayService,
    EnrolmentsService,
    ActivitiesRepository,
    SessionsRepository,
    EnrolmentsRepository,
    ActivityResidentData,
  ],
  exports: [ActivityResidentData],
})
export class ActivitiesModule {}
