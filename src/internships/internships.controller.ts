import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PlanActor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateInternshipDto, EndInternshipDto, InternshipQuery } from './dto/internship.dto';
import { InternshipDetails, InternshipPage } from './dto/internship-response.dto';
import { InternshipsService } from './internships.service';

/*
 * Who: internships are for adults, and adults are counselling-compartment residents, so the
 * counsellors record them (a social worker's residents are the leisure-job youth, and a
 * compartment's data is changed only by its own role). The job centre's caseworker reads them
 * while the resident's share_counselling consent names the job centre.
 */
@ApiTags('Internships')
@Controller('internships')
export class InternshipsController {
  constructor(private readonly internships: InternshipsService) {}

  @ApiOperation({ summary: 'Counsellor: record an internship' })
  @Post()
  @Allow('counsellor')
  @ApiCreatedResponse({ type: InternshipDetails, description: 'The new, running internship' })
  @ApiUnprocessableEntityResponse({ description: 'A rule is not met (`internship_rules_unmet`: period, hours 1-37, 18 or over), or the employer is not your plan\'s (`internship_employer_not_in_plan`)' })
  @ApiConflictResponse({ description: 'A running internship with this employer exists (`internship_already_running`, `existingInternshipId`), or the resident was erased (`resident_erased`)' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  create(@PlanActor() actor: PlanActor, @Body() dto: CreateInternshipDto) {
    return this.internships.create(actor, dto);
  }

  @ApiOperation({ summary: 'List the internships you may see' })
  @Get()
  @Allow('counsellor', 'caseworker')
  @ApiOkResponse({ type: InternshipPage, description: 'A page of internships, most recently recorded first' })
  list(@PlanActor() actor: PlanActor, @Query() query: InternshipQuery) {
    return this.internships.list(actor, query);
  }

  @ApiOperation({ summary: 'Read one internship' })
  @Get(':id')
  @Allow('counsellor', 'caseworker')
  @ApiOkResponse({ type: InternshipDetails })
  @ApiNotFoundResponse({ description: 'No such internship within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.internships.get(actor, id);
  }

  @ApiOperation({ summary: 'Counsellor: end an internship' })
  @Post(':id/end')
  @HttpCode(200)
  @Allow('counsellor')
  @ApiOkResponse({ type: InternshipDetails, description: 'The ended internship' })
  @ApiConflictResponse({ description: 'Already ended (`internship_already_ended`), changed since your `version` (`stale_version`), or the resident was erased (`resident_erased`)' })
  @ApiUnprocessableEntityResponse({ description: 'endedOn is before the internship started (`internship_end_before_start`)' })
  @ApiNotFoundResponse({ description: 'No such internship within your reach' })
  end(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EndInternshipDto) {
    return this.internships.end(actor, id, dto);
  }
}
