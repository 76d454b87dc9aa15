import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { CounsellingTopicsService } from './counselling-topics.service';
import { AddTopicDto } from './dto/counselling.dto';

@ApiTags('Counselling')
@Controller('counselling-topics')
export class CounsellingTopicsController {
  constructor(private readonly topics: CounsellingTopicsService) {}

  /** The built-in topics and your plan's own, with Danish labels. */
  @Get()
  @Allow('counsellor', 'leader')
  @ApiOkResponse({ description: 'All topics a case can have in your plan' })
  list(@CurrentActor() actor: Actor) {
    return this.topics.list(requirePlan(actor).planId);
  }

  /** Adds a topic of the plan's own next to the built-in ones. */
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ description: 'The new topic' })
  @ApiConflictResponse({ description: 'A topic with this key exists' })
  add(@CurrentActor() actor: Actor, @Body() dto: AddTopicDto) {
    return this.topics.add(requirePlan(actor), dto.key, dto.label);
  }
}
