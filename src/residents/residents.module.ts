import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { Guardian } from './guardian.entity';
import { Resident } from './resident.entity';
import { ResidentsController } from './residents.controller';
import { ResidentRecordData } from './resident-record-data';
import { ResidentsRepository } from './residents.repository';
import { ResidentsService } from './residents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Resident, Guardian]), PlansModule],
  controllers: [ResidentsController],
  providers: [ResidentsService, ResidentsRepository, ResidentRecordData],
  exports: [ResidentsService, ResidentsRepository, ResidentRecordData],
})
export class ResidentsModule {}
