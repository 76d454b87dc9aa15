import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { ConversationDto, EmploymentDto, ProposeMatchDto, TimesheetDto, UpdateMatchDto } from './dto/programme-activity.dto';
import { ProgrammeActivityService } from './programme-activity.service';
import { ProgrammeEmploymentService } from './programme-employment.service';

const FINISHED = 'The programme is finished (ordinary_job or ended) and takes no more changes';

/** What happens inside a running programme: conversations, matches, the employment and timesheets. */
@ApiTags('Job programmes')
@Controller('job-programmes/:id')
export class ProgrammeActivityController {
  constructor(
    private readonly activity: ProgrammeActivityService,
    private readonly employment: ProgrammeEmploymentService,
  ) {}

  @Post('conversations')
  @Allow('social_worker')
  @ApiCreatedResponse({ description: 'The conversation' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: FINISHED })
  @ApiUnprocessableEntityResponse({ description: 'The conversation is in the future' })
  recordConversation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConversationDto) {
    return this.activity.recordConversation(requirePlan(actor), id, dto);
  }

  @Post('matches')
  @Allow('social_worker')
  @ApiCreatedResponse({ description: 'The match, status `proposed`' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: FINISHED })
  @ApiUnprocessableEntityResponse({ description: 'The employer is not one of your plan' })
  proposeMatch(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ProposeMatchDto) {
    return this.activity.proposeMatch(requirePlan(actor), id, dto);
  }

  @Patch('matches/:matchId')
  @Allow('social_worker')
  @ApiOkResponse({ description: 'The match' })
  @ApiNotFoundResponse({ description: 'No such programme or match within your reach' })
  @ApiConflictResponse({
    description: 'Another match is accepted (`acceptedMatchId`), the programme is finished, or (`guard_passed`) the youth already works at the accepted match: end the programme instead',
  })
  updateMatch(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('matchId', ParseUUIDPipe) matchId: string,
    @Body() dto: UpdateMatchDto,
  ) {
    return this.activity.updateMatch(requirePlan(actor), id, matchId, dto);
  }

  @Put('employment')
  @HttpCode(200)
  @Allow('social_worker')
  @ApiOkResponse({ description: 'The employment, with the young-worker `warnings` (Danish) for a youth under 18, judged with the plan\'s school calendar' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({
    description:
      FINISHED +
      '; or `guard_passed`: the change would undo a requirement the programme met to reach its phase (e.g. remove the signatures once the youth works), `errors` names each; ' +
      'or `timesheets_outside_employment`: recorded timesheets would fall outside the new dates',
  })
  @ApiUnprocessableEntityResponse({
    description:
      "Outside 2-6 hours a week or 3-5 months without `exceptionReason`, an employer outside the plan or not the accepted match's, impossible dates, or a contractSignedByGuardianId that is not a registered guardian of the youth (`registered_guardian`)",
  })
  recordEmployment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EmploymentDto) {
    return this.employment.recordEmployment(requirePlan(actor), id, dto);
  }

  @Post('timesheets')
  @Allow('social_worker')
  @ApiCreatedResponse({ description: "The timesheet, with young-worker `warnings` (Danish) measured against the week's kind: school week or school-free week" })
  @ApiBadRequestResponse({ description: '`weekStart` is not a Monday' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: 'The week is already recorded (`existingTimesheetId`), or the programme is finished' })
  @ApiUnprocessableEntityResponse({ description: 'No employment yet, a week before the employment starts or after it ended (`not_after_employment`), or a week that has not begun' })
  recordTimesheet(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TimesheetDto) {
    return this.employment.recordTimesheet(requirePlan(actor), id, dto);
  }
}
