import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ActivitiesService } from './activities.service';
import { ActivityQuery, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import { ActivityPage, ActivityResponse } from './dto/activity-response.dto';
import { TodayPage, TodayQuery } from './dto/today.dto';
import { TodayService } from './today.service';

/**
 * Activities are recorded by the counsellors and social workers who run them; the leader, who
 * plans the activities and reports on them, manages them too. Activities hold no personal data.
 */
@ApiTags('Activities')
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly todaysSlots: TodayService,
  ) {}

  @ApiOperation({ summary: 'Create an activity' })
  @Post()
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiCreatedResponse({ type: ActivityResponse, description: 'The new activity' })
  @ApiUnprocessableEntityResponse({ description: 'Impossible weekly slots (`invalid_weekly_slots`), dates out of order (`activity_dates_unmet`), or a housing area or organisation not of your plan' })
  create(@PlanActor() actor: PlanActor, @Body() dto: CreateActivityDto) {
    return this.activities.create(actor, dto);
  }

  @ApiOperation({ summary: "List the plan's activities" })
  @Get()
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: ActivityPage, description: 'A page of your plan\'s activities, newest first' })
  list(@PlanActor() actor: PlanActor, @Query() query: ActivityQuery) {
    return this.activities.list(actor, query);
  }

  /** The door's day: today's weekly slots with their head counts, so one screen needs one call. */
  @ApiOperation({ summary: 'Today\'s slots of the plan\'s activities (Danish date), each with its head count so far' })
  @Get('today')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: TodayPage, description: 'Every weekly slot falling today, earliest first; record a visitor with POST /activities/:id/visits' })
  today(@PlanActor() actor: PlanActor, @Query() query: TodayQuery) {
    return this.todaysSlots.today(actor, query);
  }

  @ApiOperation({ summary: 'Read one activity' })
  @Get(':id')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: ActivityResponse })
  @ApiNotFoundResponse({ description: 'No such activity in your plan' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.activities.get(actor, id);
  }

  @ApiOperation({ summary: 'Edit an activity' })
  @Patch(':id')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: ActivityResponse, description: 'The changed activity' })
  @ApiConflictResponse({ description: 'Changed since the `version` you sent (`stale_version`)' })
  @ApiUnprocessableEntityResponse({ description: 'As for POST; or new dates that leave out recorded sessions or enrolments (`activity_dates_unmet`), or a capacity below the open enrolments (`capacity_below_enrolled`)' })
  update(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateActivityDto) {
    return this.activities.update(actor, id, dto);
  }
}
