import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { AddIndicatorDto } from './dto/indicator.dto';
import { IndicatorsService } from './indicators.service';

@ApiTags('Half-year statistics')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** Adds a goal (delmål) with its indicator, baseline and target. */
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ description: 'The indicator' })
  add(@CurrentActor() actor: Actor, @Body() dto: AddIndicatorDto) {
    return this.indicators.add(requirePlan(actor).planId, dto);
  }

  /** The plan's goals and indicators. */
  @Get()
  @Allow('leader')
  @ApiOkResponse({ description: 'All indicators of your plan' })
  list(@CurrentActor() actor: Actor) {
    return this.indicators.list(requirePlan(actor).planId);
  }
}
