import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { CounsellingTopicsService } from './counselling-topics.service';
import { AddTopicDto } from './dto/counselling.dto';
import { TopicPage, TopicResponse } from './dto/counselling-response.dto';

@ApiTags('Counselling')
@Controller('counselling-topics')
export class CounsellingTopicsController {
  constructor(private readonly topics: CounsellingTopicsService) {}

  /** The built-in topics and your plan's own, with Danish labels. */
  @ApiOperation({ summary: 'List counselling topics with Danish labels' })
  @Get()
  @Allow('counsellor', 'leader')
  @ApiOkResponse({ type: TopicPage, description: 'All topics a case can have in your plan' })
  list(@PlanActor() actor: PlanActor) {
    return this.topics.list(actor.planId);
  }

  /** Adds a topic of the plan's own next to the built-in ones. */
  @ApiOperation({ summary: "Leader: add a topic of the plan's own" })
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ type: TopicResponse, description: 'The new topic' })
  @ApiConflictResponse({ description: 'A topic with this key exists (`topic_exists`)' })
  add(@PlanActor() actor: PlanActor, @Body() dto: AddTopicDto) {
    return this.topics.add(actor, dto.key, dto.label);
  }
}
