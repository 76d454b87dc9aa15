import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PlanActor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CorrectHelpDto, HelpQuery, NameCoordinatorDto, RecordHelpDto, SummaryQuery } from './dto/volunteer-help.dto';
import { CoordinatorResponse, VolunteerGroupPage, VolunteerHelpPage, VolunteerHelpResponse, VolunteerHelpSummary } from './dto/volunteer-help-response.dto';
import { VolunteerCoordinatorService } from './volunteer-coordinator.service';
import { VolunteerHelpService } from './volunteer-help.service';

/*
 * Who: a volunteer records and sees only their own help; nobody else writes it. The counts are for
 * the leader and the coordinator the leader names (a counsellor or social worker; others of those
 * roles pass the role check and get 403 `not_volunteer_coordinator`).
 */
@ApiTags('Volunteers')
@Controller('volunteer-help')
export class VolunteerHelpController {
  constructor(
    private readonly help: VolunteerHelpService,
    private readonly coordinator: VolunteerCoordinatorService,
  ) {}

  @ApiOperation({ summary: 'Volunteer: record help given (no resident, no name, no free text)' })
  @Post()
  @Allow('volunteer')
  @ApiCreatedResponse({ type: VolunteerHelpResponse, description: 'The new entry' })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed, an unknown field was sent (`note`, `residentId`, ...), or the topic is unknown (`unknown_volunteer_topic`)' })
  @ApiUnprocessableEntityResponse({ description: 'occurredAt is in the future or more than 31 days ago (`volunteer_help_time_unmet`), or activityId is not a running volunteer group of your plan (`volunteer_activity_not_in_plan`)' })
  record(@PlanActor() actor: PlanActor, @Body() dto: RecordHelpDto) {
    return this.help.record(actor, dto);
  }

  @ApiOperation({ summary: 'Volunteer: list your own entries, the latest help first' })
  @Get()
  @Allow('volunteer')
  @ApiOkResponse({ type: VolunteerHelpPage })
  list(@PlanActor() actor: PlanActor, @Query() query: HelpQuery) {
    return this.help.listOwn(actor, query);
  }

  @ApiOperation({ summary: "Leader or the volunteers' coordinator: the plan's volunteer help as counts" })
  @Get('summary')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: VolunteerHelpSummary, description: 'Counts for the days from `from` to `to`, both included, in Danish time' })
  @ApiForbiddenResponse({ description: '`not_volunteer_coordinator`: a counsellor or social worker who is not the plan\'s volunteers\' coordinator' })
  @ApiBadRequestResponse({ description: '`volunteer_period_invalid`: from after to, or more than two years' })
  summary(@PlanActor() actor: PlanActor, @Query() query: SummaryQuery) {
    return this.help.summary(actor, query);
  }

  @ApiOperation({ summary: 'Volunteer: the volunteer groups you may record help under today' })
  @Get('groups')
  @Allow('volunteer')
  @ApiOkResponse({ type: VolunteerGroupPage })
  groups(@PlanActor() actor: PlanActor) {
    return this.help.groupsToday(actor);
  }

  @ApiOperation({ summary: "The volunteers' coordinator of your plan" })
  @Get('coordinator')
  @Allow('volunteer', 'counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: CoordinatorResponse, description: 'Both fields null when the plan has named none' })
  getCoordinator(@PlanActor() actor: PlanActor) {
    return this.coordinator.get(actor);
  }

  @ApiOperation({ summary: "Leader: name the volunteers' coordinator (a counsellor or social worker), or none" })
  @Put('coordinator')
  @Allow('leader')
  @ApiOkResponse({ type: CoordinatorResponse })
  @ApiUnprocessableEntityResponse({ description: '`coordinator_not_eligible`: not an active counsellor or social worker of your plan' })
  nameCoordinator(@PlanActor() actor: PlanActor, @Body() dto: NameCoordinatorDto) {
    return this.coordinator.name(actor, dto.userId);
  }

  @ApiOperation({ summary: 'Volunteer: correct your own entry of today' })
  @Patch(':id')
  @Allow('volunteer')
  @ApiOkResponse({ type: VolunteerHelpResponse })
  @ApiNotFoundResponse({ description: 'No such entry of yours' })
  @ApiConflictResponse({ description: 'Changed since your `version` (`stale_version`)' })
  @ApiUnprocessableEntityResponse({ description: '`volunteer_help_not_today`: only an entry of today, recorded today, is corrected' })
  correct(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: CorrectHelpDto) {
    return this.help.correct(actor, id, dto);
  }

  @ApiOperation({ summary: 'Volunteer: remove your own entry of today' })
  @Delete(':id')
  @HttpCode(204)
  @Allow('volunteer')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such entry of yours' })
  @ApiUnprocessableEntityResponse({ description: '`volunteer_help_not_today`: only an entry of today, recorded today, is removed' })
  async remove(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.help.remove(actor, id);
  }
}
