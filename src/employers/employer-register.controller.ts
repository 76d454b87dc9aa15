import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { PageQuery } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EndMembershipDto, JoinNetworkDto, EmployerContactDto } from './dto/register.dto';
import { EmployerContactPage, NetworkMembershipResponse, RecordedEmployerContactResponse } from './dto/register-response.dto';
import { EmployerRegisterService } from './employer-register.service';

const NO_EMPLOYER = 'No such employer in your plan';

/** The contact log and network membership of an employer: kept by counsellors and social workers, read by the leader too. */
@ApiTags('Employers')
@Controller('employers/:id')
export class EmployerRegisterController {
  constructor(private readonly register: EmployerRegisterService) {}

  @ApiOperation({ summary: 'Log a contact with an employer (a prospect becomes contacted)' })
  @Post('contacts')
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ type: RecordedEmployerContactResponse, description: 'The contact, by you, with the employer\'s status after it: a prospect becomes `contacted`' })
  @ApiBadRequestResponse({ description: 'An instant that is not ISO 8601, an unknown kind, or a note over 500 characters' })
  @ApiUnprocessableEntityResponse({ description: '`at` is in the future (`contact_in_future`)' })
  @ApiNotFoundResponse({ description: NO_EMPLOYER })
  recordContact(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EmployerContactDto) {
    return this.register.recordContact(actor, id, dto);
  }

  @ApiOperation({ summary: "List an employer's contact log" })
  @Get('contacts')
  @Allow('counsellor', 'social_worker', 'leader')
  @ApiOkResponse({ type: EmployerContactPage, description: 'The contacts, latest first, each with who was in touch' })
  @ApiNotFoundResponse({ description: NO_EMPLOYER })
  contacts(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: PageQuery) {
    return this.register.contacts(actor, id, query);
  }

  @ApiOperation({ summary: "Add the employer to the plan's employer network for a period" })
  @Post('network')
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ type: NetworkMembershipResponse, description: 'The membership, with `current` for today' })
  @ApiUnprocessableEntityResponse({ description: '`to` before `from` (`network_period_unmet`)' })
  @ApiConflictResponse({ description: 'The employer is in the network for part of the period already (`network_membership_overlaps`, `existingMembershipId`)' })
  @ApiNotFoundResponse({ description: NO_EMPLOYER })
  joinNetwork(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: JoinNetworkDto) {
    return this.register.joinNetwork(actor, id, dto);
  }

  @ApiOperation({ summary: "End the employer's running network membership" })
  @Post('network/:membershipId/end')
  @HttpCode(200)
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ type: NetworkMembershipResponse, description: 'The ended membership' })
  @ApiUnprocessableEntityResponse({ description: '`to` before the membership began (`network_period_unmet`)' })
  @ApiConflictResponse({ description: 'It has ended already (`network_membership_ended`)' })
  @ApiNotFoundResponse({ description: 'No such membership of an employer in your plan' })
  endMembership(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Param('membershipId', ParseIdPipe) membershipId: string, @Body() dto: EndMembershipDto) {
    return this.register.endMembership(actor, id, membershipId, dto);
  }
}
