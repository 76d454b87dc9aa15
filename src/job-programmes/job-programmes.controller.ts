import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { RequireStepUp } from '../access/step-up';
import { PlanActor } from '../access/actor';
import { CreateProgrammeDto, ProgrammeQuery, TransitionDto } from './dto/job-programme.dto';
import { ProgrammeDetailsResponse, ProgrammePage } from './dto/job-programme-response.dto';
import { JobProgrammesService } from './job-programmes.service';
import { ProgrammeTransitionsService } from './programme-transitions.service';

@ApiTags('Job programmes')
@Controller('job-programmes')
export class JobProgrammesController {
  constructor(
    private readonly programmes: JobProgrammesService,
    private readonly transitions: ProgrammeTransitionsService,
  ) {}

  /** Starts a leisure-job programme (fritidsjobforløb) in the clarification phase. */
  @ApiOperation({ summary: 'Social worker: start a leisure-job programme' })
  @Post()
  @Allow('social_worker')
  @ApiCreatedResponse({ type: ProgrammeDetailsResponse, description: 'The programme in clarification, with its first history row' })
  @ApiNotFoundResponse({ description: 'No such youth within your reach' })
  @ApiConflictResponse({ description: 'The youth already has an open programme (`programme_already_running`); `existingProgrammeId` names it' })
  @ApiUnprocessableEntityResponse({ description: "The youth is outside the plan's age range on the start day (its settings), has no birth date, or does not live in an eligible housing area (`programme_not_eligible`)" })
  create(@PlanActor() actor: PlanActor, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(actor, dto);
  }

  /**
   * Programmes you may see. Social workers see their plan's; a caseworker or counsellor only
   * those of youth with an active share_job_programme consent naming their organisation.
   */
  @ApiOperation({ summary: 'List the leisure-job programmes you may see' })
  @Get()
  @Allow('social_worker', 'caseworker', 'counsellor')
  @ApiOkResponse({ type: ProgrammePage, description: "A page of programmes, most recently started first, each with the youth's name (or pseudonym) and the ordinary job's employer name" })
  list(@PlanActor() actor: PlanActor, @Query() query: ProgrammeQuery) {
    return this.programmes.list(actor, query);
  }

  @ApiOperation({ summary: 'Read one leisure-job programme' })
  @Get(':id')
  @Allow('social_worker', 'caseworker', 'counsellor')
  // Carries case notes: the most sensitive read there is (issue 9).
  @RequireStepUp()
  @ApiOkResponse({ type: ProgrammeDetailsResponse, description: 'The programme with its phase history, conversations, matches, employment (with warnings), timesheets and `version`' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.programmes.get(actor, id);
  }

  /** Moves the programme to its next phase, or ends it early with a reason. */
  @ApiOperation({ summary: 'Social worker: move a programme to its next phase' })
  @Post(':id/transitions')
  @HttpCode(200)
  @Allow('social_worker')
  @ApiOkResponse({ type: ProgrammeDetailsResponse, description: 'The programme in its new phase, with the new `version` and the history row' })
  @ApiBadRequestResponse({ description: 'Malformed request, e.g. an unknown phase' })
  @ApiNotFoundResponse({ description: 'No such programme within your reach' })
  @ApiConflictResponse({ description: 'Your `version` is stale (`stale_version`; `currentVersion` says the current one), or the programme is finished (`programme_finished`)' })
  @ApiUnprocessableEntityResponse({
    description:
      'The move is not allowed from this phase, or its guards are not met (`guard_unmet`); or `occurredAt` is in the future or before the previous phase change. `errors` lists every unmet requirement; the timing alone is `transition_timing`',
  })
  transition(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDto) {
    return this.transitions.transition(actor, id, dto);
  }
}
