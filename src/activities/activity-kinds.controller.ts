import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ActivityKindsService } from './activity-kinds.service';
import { AddActivityKindDto } from './dto/activity.dto';
import { ActivityKindPage, ActivityKindResponse } from './dto/activity-response.dto';

@ApiTags('Activities')
@Controller('activity-kinds')
export class ActivityKindsController {
  constructor(private readonly kinds: ActivityKindsService) {}

  /** The built-in kinds and your plan's own, with Danish labels. */
  @ApiOperation({ summary: 'List activity kinds with Danish labels' })
  @Get()
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: ActivityKindPage, description: 'All kinds an activity can have in your plan' })
  list(@PlanActor() actor: PlanActor) {
    return this.kinds.list(actor.planId);
  }

  /** Adds a kind of the plan's own next to the built-in ones (e.g. a social caretaker, 002_*). */
  @ApiOperation({ summary: "Leader: add an activity kind of the plan's own" })
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ type: ActivityKindResponse, description: 'The new kind' })
  @ApiConflictResponse({ description: 'A kind with this key exists (`activity_kind_exists`)' })
  add(@PlanActor() actor: PlanActor, @Body() dto: AddActivityKindDto) {
    return this.kinds.add(actor, dto.key, dto.label);
  }
}
