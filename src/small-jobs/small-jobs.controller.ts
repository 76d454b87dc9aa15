import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PlanActor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateSmallJobDto, EndSmallJobDto, SmallJobQuery } from './dto/small-job.dto';
import { SmallJobDetails, SmallJobPage } from './dto/small-job-response.dto';
import { SmallJobsService } from './small-jobs.service';

/*
 * Who: as with internships, småjobs are for adults, who are counselling-compartment residents, so
 * the counsellors record them; the job centre's caseworker reads them while the resident's
 * share_counselling consent names the job centre.
 */
@ApiTags('Small jobs')
@Controller('small-jobs')
export class SmallJobsController {
  constructor(private readonly smallJobs: SmallJobsService) {}

  @ApiOperation({ summary: 'Counsellor: start a småjob' })
  @Post()
  @Allow('counsellor')
  @ApiCreatedResponse({ type: SmallJobDetails, description: 'The new, running småjob' })
  @ApiUnprocessableEntityResponse({
    description: 'The resident is under 18 on the first day or of unknown age (`small_job_resident_not_adult`), hours outside 1-15 (`small_job_rules_unmet`), or the employer is not your plan\'s (`small_job_employer_not_in_plan`)',
  })
  @ApiConflictResponse({ description: 'A running småjob with this employer exists (`small_job_already_running`, `existingSmallJobId`), or the resident was erased (`resident_erased`)' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  create(@PlanActor() actor: PlanActor, @Body() dto: CreateSmallJobDto) {
    return this.smallJobs.create(actor, dto);
  }

  @ApiOperation({ summary: 'List the småjobs you may see' })
  @Get()
  @Allow('counsellor', 'caseworker')
  @ApiOkResponse({ type: SmallJobPage, description: 'A page of småjobs, most recently recorded first' })
  list(@PlanActor() actor: PlanActor, @Query() query: SmallJobQuery) {
    return this.smallJobs.list(actor, query);
  }

  @ApiOperation({ summary: 'Read one småjob' })
  @Get(':id')
  @Allow('counsellor', 'caseworker')
  @ApiOkResponse({ type: SmallJobDetails })
  @ApiNotFoundResponse({ description: 'No such småjob within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.smallJobs.get(actor, id);
  }

  @ApiOperation({ summary: 'Counsellor: end a småjob with its outcome' })
  @Post(':id/end')
  @HttpCode(200)
  @Allow('counsellor')
  @ApiOkResponse({ type: SmallJobDetails, description: 'The ended småjob' })
  @ApiConflictResponse({ description: 'Already ended (`small_job_already_ended`) or changed since your `version` (`stale_version`)' })
  @ApiUnprocessableEntityResponse({ description: 'endedOn is before the småjob started or after today (`small_job_end_out_of_range`)' })
  @ApiNotFoundResponse({ description: 'No such småjob within your reach' })
  end(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EndSmallJobDto) {
    return this.smallJobs.end(actor, id, dto);
  }
}
