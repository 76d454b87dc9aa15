import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { PlanIndicator } from './plan-indicator.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PlanIndicator])],
  controllers: [IndicatorsController],
  providers: [IndicatorsService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
