import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { CreateAgreementDto, CreateEmployerDto, EmployerQuery, UpdateEmployerDto } from './dto/employer.dto';
import { EmployersService } from './employers.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** Employers are organisations, not residents: social workers keep them, the leader follows them. */
@ApiTags('Employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post()
  @Allow('social_worker')
  @ApiCreatedResponse({ description: 'The new employer, with its CVR stored as 8 digits' })
  @ApiBadRequestResponse({ description: 'Invalid fields; a CVR that is not 8 digits or fails the modulus-11 check names `cvr`' })
  @ApiConflictResponse({ description: 'Your plan already has an employer with this CVR; `existingEmployerId` names it' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEmployerDto) {
    return this.employers.create(requirePlan(actor), dto);
  }

  @Get()
  @Allow('social_worker', 'leader')
  @ApiOkResponse({ description: 'A page of the plan\'s employers, most recently registered first' })
  list(@CurrentActor() actor: Actor, @Query() query: EmployerQuery) {
    return this.employers.list(requirePlan(actor), query);
  }

  @Get(':id')
  @Allow('social_worker', 'leader')
  @ApiOkResponse({ description: 'The employer with its agreements, each with `active` for today (Europe/Copenhagen)' })
  @ApiNotFoundResponse({ description: 'No such employer in your plan' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.employers.get(requirePlan(actor), id);
  }

  @Patch(':id')
  @Allow('social_worker')
  @ApiOkResponse({ description: 'The changed employer; fields left out stay, null clears cvr, address and contact fields' })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a CVR failing the modulus-11 check' })
  @ApiConflictResponse({ description: 'Another employer of your plan has this CVR' })
  @ApiNotFoundResponse({ description: 'No such employer in your plan' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateEmployerDto) {
    return this.employers.update(requirePlan(actor), id, dto);
  }

  /** Records a signed cooperation agreement (samarbejdsaftale). */
  @Post(':id/agreements')
  @Allow('social_worker')
  @ApiCreatedResponse({ description: 'The agreement, with `active` for today' })
  @ApiBadRequestResponse({ description: 'A date that is not a real calendar day' })
  @ApiUnprocessableEntityResponse({ description: 'It ends before it starts, or is signed in the future' })
  @ApiNotFoundResponse({ description: 'No such employer in your plan' })
  addAgreement(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: CreateAgreementDto) {
    return this.employers.addAgreement(requirePlan(actor), id, dto);
  }
}
