import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Put, Query, type PipeTransform } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PlanActor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { InvalidInput } from '../common/domain-errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateJobcentreEnrolmentDto, EndJobcentreEnrolmentDto, JobcentreEnrolmentQuery, JobcentreFiguresQuery, MarkQuarterDto } from './dto/jobcentre.dto';
import { JobcentreEnrolmentPage, JobcentreEnrolmentResponse, JobcentreFiguresResponse } from './dto/jobcentre-response.dto';
import { JobcentreFiguresService } from './jobcentre-figures.service';
import { QUARTER_PATTERN } from './jobcentre-rules';
import { JobcentreService } from './jobcentre.service';

@Injectable()
class ParseQuarterPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (QUARTER_PATTERN.test(value)) return value;
    throw new InvalidInput([{ field: 'quarter', rule: 'quarter', message: 'quarter must be written like 2026-Q1 (Q1 January-March … Q4 October-December)' }]);
  }
}

/*
 * Who: the job centre's caseload is the caseworkers' compartment, so only they record and change
 * it. The counsellors and social workers read a person's enrolment only while the person's
 * share_jobcentre consent names their organisation (AccessPolicy.readableJobcentreEnrolments);
 * the leader sees the figures, never a person.
 */
@ApiTags('Job centre')
@Controller('jobcentre-enrolments')
export class JobcentreController {
  constructor(
    private readonly enrolments: JobcentreService,
    private readonly figuresService: JobcentreFiguresService,
  ) {}

  @ApiOperation({ summary: 'Caseworker: register a person of the caseload in an effort' })
  @Post()
  @Allow('caseworker')
  @ApiCreatedResponse({ type: JobcentreEnrolmentResponse, description: 'The new, running enrolment' })
  @ApiUnprocessableEntityResponse({ description: 'startedOn is after today (`jobcentre_enrolment_rules_unmet`)' })
  @ApiConflictResponse({ description: 'A running enrolment in this effort exists (`jobcentre_enrolment_already_running`, `existingEnrolmentId`), or the person was erased (`resident_erased`)' })
  @ApiNotFoundResponse({ description: 'No such person in the job centre\'s compartment' })
  enrol(@PlanActor() actor: PlanActor, @Body() dto: CreateJobcentreEnrolmentDto) {
    return this.enrolments.enrol(actor, dto);
  }

  @ApiOperation({ summary: 'List the job-centre enrolments you may see' })
  @Get()
  @Allow('caseworker', 'counsellor', 'social_worker')
  @ApiOkResponse({ type: JobcentreEnrolmentPage, description: 'A page of enrolments, most recently registered first' })
  list(@PlanActor() actor: PlanActor, @Query() query: JobcentreEnrolmentQuery) {
    return this.enrolments.list(actor, query);
  }

  @ApiOperation({ summary: 'The caseload\'s figures for a quarter, half-year or year' })
  @Get('figures')
  @Allow('caseworker', 'leader')
  @ApiOkResponse({ type: JobcentreFiguresResponse, description: 'Covered, active, by target group, started, ended by reason and the activation rate; small counts suppressed for the leader' })
  @ApiBadRequestResponse({ description: 'The period is not a quarter, half-year or year' })
  figures(@PlanActor() actor: PlanActor, @Query() query: JobcentreFiguresQuery) {
    return this.figuresService.figures(actor, query.period);
  }

  @ApiOperation({ summary: 'Read one job-centre enrolment' })
  @Get(':id')
  @Allow('caseworker', 'counsellor', 'social_worker')
  @ApiOkResponse({ type: JobcentreEnrolmentResponse })
  @ApiNotFoundResponse({ description: 'No such enrolment within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.enrolments.get(actor, id);
  }

  @ApiOperation({ summary: 'Caseworker: end an enrolment with a reason' })
  @Post(':id/end')
  @HttpCode(200)
  @Allow('caseworker')
  @ApiOkResponse({ type: JobcentreEnrolmentResponse, description: 'The ended enrolment' })
  @ApiConflictResponse({ description: 'Already ended (`jobcentre_enrolment_already_ended`) or changed since your `version` (`stale_version`)' })
  @ApiUnprocessableEntityResponse({ description: 'endedOn before the start or after today, or a later quarter marked active (`jobcentre_end_rules_unmet`)' })
  @ApiNotFoundResponse({ description: 'No such enrolment within your reach' })
  end(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EndJobcentreEnrolmentDto) {
    return this.enrolments.end(actor, id, dto);
  }

  @ApiOperation({ summary: 'Caseworker: mark whether the person was active in a quarter' })
  @Put(':id/quarters/:quarter')
  @Allow('caseworker')
  @ApiParam({ name: 'quarter', example: '2026-Q1', description: 'A quarter the enrolment runs in' })
  @ApiOkResponse({ type: JobcentreEnrolmentResponse, description: 'The enrolment with its quarters; marking a quarter as it already is changes nothing' })
  @ApiConflictResponse({ description: 'Changed since your `version` (`stale_version`)' })
  @ApiUnprocessableEntityResponse({ description: 'The enrolment does not run in the quarter, or it has not begun (`jobcentre_quarter_outside_enrolment`)' })
  @ApiNotFoundResponse({ description: 'No such enrolment within your reach' })
  markQuarter(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Param('quarter', ParseQuarterPipe) quarter: string, @Body() dto: MarkQuarterDto) {
    return this.enrolments.markQuarter(actor, id, quarter, dto);
  }
}
