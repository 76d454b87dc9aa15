import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
import { PlanActor } from '../access/actor';
import { CreateAgreementDto, CreateEmployerDto, EmployerQuery, UpdateEmployerDto } from './dto/employer.dto';
import { AgreementResponse, EmployerDetailsResponse, EmployerPage, EmployerResponse } from './dto/employer-response.dto';
import { EmployersService } from './employers.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

/**
 * One employer register for the whole plan (issue 23): employers are organisations, not residents,
 * so counsellors (adults' internships, the network) and social workers (youths' leisure jobs) keep
 * it together and the leader follows it. Cooperation agreements about youths stay the social
 * worker's.
 */
@ApiTags('Employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @ApiOperation({ summary: 'Register an employer in the plan\'s register' })
  @Post()
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ type: EmployerResponse, description: 'The new employer, with its CVR stored as 8 digits' })
  @ApiBadRequestResponse({ description: 'Invalid fields; a CVR that is not 8 digits or fails the modulus-11 check names `cvr` (`invalid_cvr`)' })
  @ApiConflictResponse({ description: 'Your plan already has an employer with this CVR (`duplicate_cvr`); `existingEmployerId` names it' })
  create(@PlanActor() actor: PlanActor, @Body() dto: CreateEmployerDto) {
    return this.employers.create(actor, dto);
  }

  @ApiOperation({ summary: "List the plan's employers" })
  @Get()
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: EmployerPage, description: 'A page of the plan\'s employers, most recently registered first; `status` and `network=member` narrow it' })
  list(@PlanActor() actor: PlanActor, @Query() query: EmployerQuery) {
    return this.employers.list(actor, query);
  }

  @ApiOperation({ summary: 'Read one employer with its agreements and network membership' })
  @Get(':id')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: EmployerDetailsResponse, description: 'The employer with its agreements (each with `active` for today, Europe/Copenhagen), its periods in the network and how many network meetings it came to' })
  @ApiNotFoundResponse({ description: 'No such employer in your plan' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.employers.get(actor, id);
  }

  @ApiOperation({ summary: 'Edit an employer, its status included' })
  @Patch(':id')
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ type: EmployerResponse, description: 'The changed employer, with its new `version`; fields left out stay, null clears cvr, address and contact fields' })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a CVR failing the modulus-11 check' })
  @ApiConflictResponse({ description: 'Another employer of your plan has this CVR (`duplicate_cvr`), or your `version` is stale (`stale_version`, `currentVersion` says the current one)' })
  @ApiNotFoundResponse({ description: 'No such employer in your plan' })
  update(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateEmployerDto) {
    return this.employers.update(actor, id, dto);
  }

  /** Records a signed cooperation agreement (samarbejdsaftale). */
  @ApiOperation({ summary: 'Social worker: record a signed cooperation agreement' })
  @Post(':id/agreements')
  @Allow('social_worker')
  @ApiCreatedResponse({ type: AgreementResponse, description: 'The agreement, with `active` for today' })
  @ApiBadRequestResponse({ description: 'A date that is not a real calendar day' })
  @ApiUnprocessableEntityResponse({ description: 'It ends before it starts, or is signed in the future (`agreement_rules_unmet`)' })
  @ApiNotFoundResponse({ description: 'No such employer in your plan' })
  addAgreement(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: CreateAgreementDto) {
    return this.employers.addAgreement(actor, id, dto);
  }
}
