import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { AddGuardianDto, RegisterResidentDto, ResidentQuery, UpdateResidentDto } from './dto/resident.dto';
import { GuardianResponse, ResidentDetailResponse, ResidentPage, ResidentResponse } from './dto/resident-response.dto';
import { ResidentsService } from './residents.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('Residents')
@Controller('residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  /** Registers a resident in your compartment; anonymous residents get a pseudonym to give the resident. */
  @ApiOperation({ summary: 'Register a resident (anonymous allowed)' })
  @Post()
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiCreatedResponse({ type: ResidentResponse, description: 'The resident; `pseudonym` is set for anonymous residents' })
  @ApiBadRequestResponse({ description: 'Validation failed, e.g. a name on an anonymous resident (`identity_not_allowed`)' })
  @ApiUnprocessableEntityResponse({ description: 'The housing area is not one of your plan (`housing_area_not_in_plan`)' })
  @ApiConflictResponse({ description: 'Possible duplicates in your compartment: same name and birth date, or same phone (`possible_duplicate`, `duplicateIds`); send `confirmNotDuplicate: true` to register a different person' })
  register(@PlanActor() actor: PlanActor, @Body() dto: RegisterResidentDto) {
    return this.residents.register(actor, dto);
  }

  /**
   * Residents you may see; search by name (`q`), pseudonym or housing area. For a caseworker:
   * the residents currently shared with your organisation by an active consent.
   */
  @ApiOperation({ summary: 'Find residents by name, phone, pseudonym or area' })
  @Get()
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: ResidentPage, description: 'A page of residents, newest first' })
  list(@PlanActor() actor: PlanActor, @Query() query: ResidentQuery) {
    return this.residents.list(actor, query);
  }

  @ApiOperation({ summary: 'Read one resident' })
  @Get(':id')
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: ResidentDetailResponse, description: 'The resident; guardians only for the compartment that keeps the record' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.residents.get(actor, id);
  }

  @ApiOperation({ summary: "Edit a resident's details" })
  @Patch(':id')
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: ResidentResponse, description: 'The resident as changed, with its new `version`' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  @ApiConflictResponse({ description: 'The resident changed since the `version` you sent (`stale_version`), or the change makes the record match another one (`possible_duplicate`, `duplicateIds`; `confirmNotDuplicate: true` keeps it)' })
  update(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateResidentDto) {
    return this.residents.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Add a guardian to a minor resident' })
  @Post(':id/guardians')
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiCreatedResponse({ type: GuardianResponse, description: 'The guardian' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  @ApiUnprocessableEntityResponse({ description: 'An anonymous resident has no guardians (`anonymous_has_no_guardians`)' })
  addGuardian(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: AddGuardianDto) {
    return this.residents.addGuardian(actor, id, dto);
  }
}
