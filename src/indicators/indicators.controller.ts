import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { AddIndicatorDto } from './dto/indicator.dto';
import { IndicatorList, IndicatorResponse } from './dto/indicator-response.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('Half-year statistics')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** Adds a goal (delmål) with its indicator, baseline and target. */
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ type: IndicatorResponse, description: 'The indicator' })
  add(@PlanActor() actor: PlanActor, @Body() dto: AddIndicatorDto) {
    return this.indicators.add(actor.planId, dto);
  }

  /** The plan's goals and indicators. */
  @Get()
  @Allow('leader')
  @ApiOkResponse({ type: IndicatorList, description: 'All indicators of your plan' })
  list(@PlanActor() actor: PlanActor) {
    return this.indicators.list(actor.planId);
  }
}
