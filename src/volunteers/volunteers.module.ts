import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { UsersModule } from '../users/users.module';
import { VolunteerCoordinator } from './entities/volunteer-coordinator.entity';
import { VolunteerHelpTopic } from './entities/volunteer-help-topic.entity';
import { VolunteerHelp } from './entities/volunteer-help.entity';
import { VolunteerCoordinatorService } from './volunteer-coordinator.service';
import { VolunteerHelpController } from './volunteer-help.controller';
import { VolunteerHelpRepository } from './volunteer-help.repository';
import { VolunteerHelpService } from './volunteer-help.service';
import { VolunteerTopicsController } from './volunteer-topics.controller';
import { VolunteerTopicsService } from './volunteer-topics.service';

/** Volunteers of a partner organisation and the help they give (issue 23, 003_* Holstebro). */
@Module({
  imports: [TypeOrmModule.forFeature([VolunteerHelp, VolunteerHelpTopic, VolunteerCoordinator]), ActivitiesModule, UsersModule],
  controllers: [VolunteerHelpController, VolunteerTopicsController],
  providers: [VolunteerHelpService, VolunteerHelpRepository, VolunteerTopicsService, VolunteerCoordinatorService],
})
export class VolunteersModule {}
