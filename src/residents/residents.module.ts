import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { Guardian } from './guardian.entity';
import { Resident } from './resident.entity';
import { ResidentsController } from './residents.controller';
import { ResidentRecordData } from './resident-record-data';
import { ResidentsRepository } from './residents.repository';
import { ResidentsService } from './residents.service';
import { SharedResidentsController } from './shared-residents.controller';
import { SharedResidentsService } from './shared-residents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Resident, Guardian]), PlansModule],
  controllers: [ResidentsController, SharedResidentsController],
  providers: [ResidentsService, ResidentsRepository, ResidentRecordData, SharedResidentsService],
  exports: [ResidentsService, ResidentsRepository, ResidentRecordData],
})
export class ResidentsModule {}
