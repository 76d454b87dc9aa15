import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { PlanIndicator } from './plan-indicator.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PlanIndicator])],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, IndicatorsRepository],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
