import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanActor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { AddVolunteerTopicDto } from './dto/volunteer-help.dto';
import { VolunteerTopicPage, VolunteerTopicResponse } from './dto/volunteer-help-response.dto';
import { VolunteerTopicsService } from './volunteer-topics.service';

@ApiTags('Volunteers')
@Controller('volunteer-help-topics')
export class VolunteerTopicsController {
  constructor(private readonly topics: VolunteerTopicsService) {}

  @ApiOperation({ summary: 'List volunteer-help topics with Danish labels' })
  @Get()
  @Allow('volunteer', 'counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: VolunteerTopicPage, description: 'The built-in topics and your plan\'s own' })
  list(@PlanActor() actor: PlanActor) {
    return this.topics.list(actor.planId);
  }

  @ApiOperation({ summary: "Leader: add a volunteer-help topic of the plan's own" })
  @Post()
  @Allow('leader')
  @ApiCreatedResponse({ type: VolunteerTopicResponse, description: 'The new topic' })
  @ApiConflictResponse({ description: 'A topic with this key exists (`volunteer_topic_exists`)' })
  add(@PlanActor() actor: PlanActor, @Body() dto: AddVolunteerTopicDto) {
    return this.topics.add(actor, dto.key, dto.label);
  }
}
