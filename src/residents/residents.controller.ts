import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { AddGuardianDto, RegisterResidentDto, ResidentQuery, UpdateResidentDto } from './dto/resident.dto';
import { ResidentsService } from './residents.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('Residents')
@Controller('residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  /** Registers a resident in your compartment; anonymous residents get a pseudonym to give the resident. */
  @Post()
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ description: 'The resident; `pseudonym` is set for anonymous residents' })
  @ApiBadRequestResponse({ description: 'Validation failed, e.g. a name on an anonymous resident' })
  @ApiUnprocessableEntityResponse({ description: 'The housing area is not one of your plan' })
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterResidentDto) {
    return this.residents.register(requirePlan(actor), dto);
  }

  /**
   * Residents you may see; search by name (`q`), pseudonym or housing area. For a caseworker:
   * the residents currently shared with your organisation by an active consent.
   */
  @Get()
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ description: 'A page of residents, newest first' })
  list(@CurrentActor() actor: Actor, @Query() query: ResidentQuery) {
    return this.residents.list(requirePlan(actor), query);
  }

  @Get(':id')
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ description: 'The resident; guardians only for the compartment that keeps the record' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.residents.get(requirePlan(actor), id);
  }

  @Patch(':id')
  @Allow('counsellor', 'social_worker')
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateResidentDto) {
    return this.residents.update(requirePlan(actor), id, dto);
  }

  @Post(':id/guardians')
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ description: 'The guardian' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  addGuardian(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: AddGuardianDto) {
    return this.residents.addGuardian(requirePlan(actor), id, dto);
  }
}
