import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ConversationDto, CorrectTimesheetDto, EmploymentDto, ProposeMatchDto, TimesheetDto, UpdateMatchDto } from './dto/programme-activity.dto';
import { ConversationResponse, EmploymentResponse, MatchResponse, TimesheetResponse } from './dto/job-programme-response.dto';
import { ProgrammeActivityService } from './programme-activity.service';
import { ProgrammeEmploymentService } from './programme-employment.service';

const FINISHED = 'The programme is finished (ordinary_job or ended) and takes no more changes (`programme_finished`)';

/** What happens inside a running programme: conversations, matches, the employment and timesheets. */
@ApiTags('Job programmes')
@Controller('job-programmes/:id')
export class ProgrammeActivityController {
  constructor(
    private readonly activity: ProgrammeActivityService,
    private readonly employment: ProgrammeEmploymentService,
  ) {}

  @ApiOperation({ summary: 'Social worker: log a programme conversation' })
  @Post('conversations')
  @Allow('social_worker')
  @ApiCreatedResponse({ type: ConversationResponse, description: 'The conversation' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: FINISHED })
  @ApiUnprocessableEntityResponse({ description: 'The conversation is in the future (`conversation_in_future`)' })
  recordConversation(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConversationDto) {
    return this.activity.recordConversation(actor, id, dto);
  }

  @ApiOperation({ summary: 'Social worker: propose an employer match' })
  @Post('matches')
  @Allow('social_worker')
  @ApiCreatedResponse({ type: MatchResponse, description: 'The match, status `proposed`, version 1' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: FINISHED })
  @ApiUnprocessableEntityResponse({ description: 'The employer is not one of your plan (`employer_not_in_plan`)' })
  proposeMatch(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProposeMatchDto) {
    return this.activity.proposeMatch(actor, id, dto);
  }

  @ApiOperation({ summary: 'Social worker: schedule an interview for, accept, decline or withdraw a match' })
  @Patch('matches/:matchId')
  @Allow('social_worker')
  @ApiOkResponse({ type: MatchResponse, description: 'The match, with its new `version`' })
  @ApiNotFoundResponse({ description: 'No such programme or match within your reach' })
  @ApiConflictResponse({
    description:
      'Your `version` is stale (`stale_version`; `currentVersion` and `currentStatus` say how it stands), another match is accepted (`another_match_accepted`, `acceptedMatchId`), the programme is finished, or (`guard_passed`) the youth already works at the accepted match: end the programme instead',
  })
  updateMatch(
    @PlanActor() actor: PlanActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() dto: UpdateMatchDto,
  ) {
    return this.activity.updateMatch(actor, id, matchId, dto);
  }

  @ApiOperation({ summary: "Social worker: record the youth's employment" })
  @Put('employment')
  @HttpCode(200)
  @Allow('social_worker')
  @ApiOkResponse({ type: EmploymentResponse, description: 'The employment, with the young-worker `warnings` (Danish) for a youth under 18, judged with the plan\'s school calendar' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({
    description:
      FINISHED +
      '; or `guard_passed`: the change would undo a requirement the programme met to reach its phase (e.g. remove the signatures once the youth works), `errors` names each; ' +
      'or `timesheets_outside_employment`: recorded timesheets would fall outside the new dates',
  })
  @ApiUnprocessableEntityResponse({
    description:
      "Outside the plan's ranges for hours a week or months (its settings) without `exceptionReason`, an employer outside the plan or not the accepted match's, impossible dates, or a contractSignedByGuardianId that is not a registered guardian of the youth (`registered_guardian`); code `employment_rules_unmet`",
  })
  recordEmployment(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EmploymentDto) {
    return this.employment.recordEmployment(actor, id, dto);
  }

  @ApiOperation({ summary: "Social worker: record a week's hours worked" })
  @Post('timesheets')
  @Allow('social_worker')
  @ApiCreatedResponse({ type: TimesheetResponse, description: "The timesheet, with young-worker `warnings` (Danish) measured against the week's kind: school week or school-free week" })
  @ApiBadRequestResponse({ description: '`weekStart` is not a Monday' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: 'The week is already recorded (`timesheet_week_recorded`, `existingTimesheetId`), or the programme is finished' })
  @ApiUnprocessableEntityResponse({
    description: 'No employment yet (`no_employment`), or a week before the employment starts, after it ended or that has not begun (`timesheet_week_outside_employment`)',
  })
  recordTimesheet(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TimesheetDto) {
    return this.employment.recordTimesheet(actor, id, dto);
  }

  @ApiOperation({ summary: "Social worker: correct a week's hours worked" })
  @Put('timesheets/:timesheetId')
  @HttpCode(200)
  @Allow('social_worker')
  @ApiOkResponse({ type: TimesheetResponse, description: 'The timesheet with the corrected hours, its new `version`, the warnings judged again, and the hours it replaced in `corrections`' })
  @ApiBadRequestResponse({ description: 'Hours outside 0-60 or with more than one decimal, or no `version`' })
  @ApiNotFoundResponse({ description: 'No such programme or timesheet within your reach' })
  @ApiConflictResponse({ description: 'Your `version` is stale (`stale_version`; `currentVersion` and `currentHours` say how it stands), or the programme is finished' })
  correctTimesheet(
    @PlanActor() actor: PlanActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('timesheetId', ParseUUIDPipe) timesheetId: string,
    @Body() dto: CorrectTimesheetDto,
  ) {
    return this.employment.correctTimesheet(actor, id, timesheetId, dto);
  }
}
