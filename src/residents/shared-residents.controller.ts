import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ResidentQuery } from './dto/resident.dto';
import { SharedResidentPage, SharedResidentResponse } from './dto/shared-resident-response.dto';
import { SharedResidentsService } from './shared-residents.service';

/** Read-only: a consent lets the organisation read, never change, the resident's data. */
@ApiTags('Residents')
@Controller('shared-residents')
export class SharedResidentsController {
  constructor(private readonly shared: SharedResidentsService) {}

  @Get()
  @Allow('caseworker')
  @ApiOperation({ summary: 'Residents shared with your organisation by an active consent, each with the consents and until when' })
  @ApiOkResponse({ type: SharedResidentPage, description: 'A page of residents, newest first; every read is in the resident\'s access log' })
  list(@PlanActor() actor: PlanActor, @Query() query: ResidentQuery) {
    return this.shared.list(actor, query);
  }

  @Get(':id')
  @Allow('caseworker')
  @ApiOperation({ summary: 'One resident shared with your organisation, with the consents that share them and until when' })
  @ApiOkResponse({ type: SharedResidentResponse, description: 'The resident; their counselling cases are at GET /counselling-cases?residentId= while a share_counselling consent holds' })
  @ApiNotFoundResponse({ description: 'No such resident shared with your organisation now (`not_found`): none, or the consent was withdrawn or ran out' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.shared.get(actor, id);
  }
}
