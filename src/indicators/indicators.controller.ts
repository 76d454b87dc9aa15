import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, PlanActor, type Actor } from '../access/actor';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AddIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { IndicatorList, IndicatorResponse } from './dto/indicator-response.dto';
import { IndicatorValueQuery, RecordIndicatorValueDto } from './dto/indicator-value.dto';
import { IndicatorPeriodValuePage, IndicatorPeriodValueResponse } from './dto/indicator-value-response.dto';
import { IndicatorValuesService } from './indicator-values.service';
import { IndicatorsService } from './indicators.service';

@ApiTags('Half-year statistics')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: IndicatorValuesService,
  ) {}

  /** Adds a goal (delmål) with its indicator, baseline and target. */
  @ApiOperation({ summary: 'Leader: add a goal with its indicator' })
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ type: IndicatorResponse, description: 'The indicator' })
  @ApiUnprocessableEntityResponse({ description: '`indicator_years`: the target year is before the baseline year' })
  add(@PlanActor() actor: PlanActor, @Body() dto: AddIndicatorDto) {
    return this.indicators.add(actor.planId, dto, actor);
  }

  /** The plan's goals and indicators. */
  @ApiOperation({ summary: "Leader: list the plan's goals and indicators" })
  @Get()
  @Allow('leader')
  @ApiOkResponse({ type: IndicatorList, description: 'All indicators of your plan' })
  list(@PlanActor() actor: PlanActor) {
    return this.indicators.list(actor.planId);
  }

  /** Edits an indicator: fill in a baseline later, change the target or its year. `null` clears a field. */
  @ApiOperation({ summary: "Edit an indicator's baseline or target" })
  @Patch(':id')
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: IndicatorResponse })
  @ApiNotFoundResponse({ description: 'No such indicator in your plan' })
  @ApiConflictResponse({ description: '`stale_version`: the indicator changed since the `version` you sent' })
  @ApiUnprocessableEntityResponse({ description: '`indicator_years`: the target year is before the baseline year' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateIndicatorDto): Promise<IndicatorResponse> {
    return this.indicators.update(actor, id, dto);
  }

  /**
   * Records the indicator's value for a year or half-year. A second value for the same period is
   * a correction: it becomes the value, and the earlier one stays in the history.
   */
  @ApiOperation({ summary: "Leader: record an indicator's value for a period" })
  @Post(':id/values')
  @Allow('leader')
  @ApiCreatedResponse({ type: IndicatorPeriodValueResponse })
  @ApiNotFoundResponse({ description: 'No such indicator in your plan' })
  @ApiUnprocessableEntityResponse({ description: '`indicator_value_computed`: the system computes this indicator; `indicator_period_not_started`: the period has not begun' })
  recordValue(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordIndicatorValueDto): Promise<IndicatorPeriodValueResponse> {
    return this.values.record(actor, id, dto);
  }

  /** The indicator's values, newest first: each period's current value, or every correction with `history=true`. */
  @ApiOperation({ summary: "Leader: list an indicator's values" })
  @Get(':id/values')
  @Allow('leader')
  @ApiOkResponse({ type: IndicatorPeriodValuePage })
  @ApiNotFoundResponse({ description: 'No such indicator in your plan' })
  listValues(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: IndicatorValueQuery): Promise<IndicatorPeriodValuePage> {
    return this.values.list(actor, id, query);
  }
}
