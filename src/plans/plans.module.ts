import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HousingArea } from './entities/housing-area.entity';
import { Organisation } from './entities/organisation.entity';
import { Plan } from './entities/plan.entity';
import { PlanEditsController } from './plan-edits.controller';
import { PlanEditsService } from './plan-edits.service';
import { PlanSettingsService } from './plan-settings.service';
import { PlanSetupStatusRepository } from './plan-setup-status.repository';
import { PlanSetupStatusService } from './plan-setup-status.service';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [TypeOrmModule.forFeature([Plan, HousingArea, Organisation])],
  controllers: [PlansController, PlanEditsController],
  providers: [PlansService, PlansRepository, PlanSettingsService, PlanEditsService, PlanSetupStatusService, PlanSetupStatusRepository],
  exports: [PlansService, PlansRepository, PlanSettingsService],
})
export class PlansModule {}
