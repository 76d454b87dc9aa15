import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { RequireStepUp } from '../access/step-up';
import { PageQuery } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EndEnrolmentDto, EnrolDto, EnrolmentQuery, RecordSessionDto, RecordVisitDto } from './dto/attendance.dto';
import { EnrolmentPage, EnrolmentResponse, SessionDetailResponse, SessionPage, SessionResponse, VisitResponse } from './dto/activity-response.dto';
import { EnrolmentsService } from './enrolments.service';
import { SessionsService } from './sessions.service';

const NAMED_RESIDENT = 'No such activity in your plan, or a named resident is not one you record work for';

/**
 * Who came and who is enrolled. Named residents are personal data: only the compartment that
 * records work for them names them; the leader sees head counts.
 */
@ApiTags('Activities')
@Controller('activities/:id')
export class AttendanceController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  @ApiOperation({ summary: 'Record an activity session with its head count' })
  @Post('sessions')
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ type: SessionResponse, description: 'The session with its head count' })
  @ApiNotFoundResponse({ description: NAMED_RESIDENT })
  @ApiConflictResponse({ description: 'A session starts at that time already (`session_exists`, `existingSessionId`), or a named resident was erased (`resident_erased`)' })
  @ApiUnprocessableEntityResponse({ description: 'A breakdown above the total or a total below the named participants (`headcount_unmet`), or outside the activity\'s dates (`activity_dates_unmet`)' })
  record(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordSessionDto) {
    return this.sessions.record(actor, id, dto);
  }

  @ApiOperation({ summary: "List an activity's sessions" })
  @Get('sessions')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: SessionPage, description: 'The activity\'s sessions, latest first; named participants only where you may see them' })
  @ApiNotFoundResponse({ description: 'No such activity in your plan' })
  listSessions(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: PageQuery) {
    return this.sessions.list(actor, id, query);
  }

  /** One session with its note, which only the staff of the compartment that recorded the session read. */
  @ApiOperation({ summary: 'Read one activity session with its note' })
  @Get('sessions/:sessionId')
  @Allow('counsellor', 'social_worker')
  @RequireStepUp()
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The session; its note only if your compartment recorded it (`noteShared`)' })
  @ApiNotFoundResponse({ description: 'No such session of an activity in your plan' })
  getSession(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Param('sessionId', ParseIdPipe) sessionId: string) {
    return this.sessions.get(actor, id, sessionId);
  }

  /** One visitor at the door of a weekly slot: the slot's session is made if needed and counts one more. */
  @ApiOperation({ summary: 'Count one visitor at an open-counselling slot' })
  @Post('visits')
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ type: VisitResponse, description: 'The slot\'s session with the visit counted' })
  @ApiNotFoundResponse({ description: NAMED_RESIDENT })
  @ApiConflictResponse({ description: 'The named resident was erased (`resident_erased`)' })
  @ApiUnprocessableEntityResponse({ description: 'Not within any weekly slot in Danish time (`visit_outside_slots`), in the future (`visit_in_future`), or outside the activity\'s dates (`activity_dates_unmet`)' })
  recordVisit(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordVisitDto) {
    return this.sessions.recordVisit(actor, id, dto);
  }

  @ApiOperation({ summary: 'Enrol a resident in an activity' })
  @Post('enrolments')
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ type: EnrolmentResponse, description: 'The enrolment' })
  @ApiNotFoundResponse({ description: NAMED_RESIDENT })
  @ApiConflictResponse({ description: 'Already enrolled (`already_enrolled`, `existingEnrolmentId`), the activity is full (`activity_full`), or the resident was erased (`resident_erased`)' })
  @ApiUnprocessableEntityResponse({ description: 'The activity takes no enrolments (`enrolment_not_offered`), or startedOn is outside its dates (`activity_dates_unmet`)' })
  enrol(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EnrolDto) {
    return this.enrolments.enrol(actor, id, dto);
  }

  @ApiOperation({ summary: "List an activity's enrolments" })
  @Get('enrolments')
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ type: EnrolmentPage, description: 'The activity\'s enrolments of residents you may see, newest first' })
  @ApiNotFoundResponse({ description: 'No such activity in your plan' })
  listEnrolments(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: EnrolmentQuery) {
    return this.enrolments.list(actor, id, query);
  }

  @ApiOperation({ summary: "End a resident's enrolment in an activity" })
  @Post('enrolments/:enrolmentId/end')
  @HttpCode(200)
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ type: EnrolmentResponse, description: 'The ended enrolment' })
  @ApiNotFoundResponse({ description: 'No such enrolment of the activity within your reach' })
  @ApiConflictResponse({ description: 'Already ended (`enrolment_already_ended`)' })
  @ApiUnprocessableEntityResponse({ description: 'endedOn before the start (`enrolment_dates_unmet`) or outside the activity\'s dates (`activity_dates_unmet`)' })
  endEnrolment(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Param('enrolmentId', ParseIdPipe) enrolmentId: string, @Body() dto: EndEnrolmentDto) {
    return this.enrolments.end(actor, id, enrolmentId, dto);
  }
}
