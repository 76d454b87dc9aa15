import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { CaseActivityService } from './case-activity.service';
import { CounsellingCasesService } from './counselling-cases.service';
import { CaseQuery, CloseCaseDto, OpenCaseDto, RecordContactDto, RecordReferralDto } from './dto/counselling.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('Counselling')
@Controller('counselling-cases')
export class CounsellingController {
  constructor(
    private readonly cases: CounsellingCasesService,
    private readonly activity: CaseActivityService,
  ) {}

  /** Opens a case for a new matter. */
  @Post()
  @Allow('counsellor')
  @ApiCreatedResponse({ description: 'The new case' })
  @ApiConflictResponse({ description: 'The resident already has an open case on this topic; `existingCaseId` names it' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  openCase(@PlanActor() actor: PlanActor, @Body() dto: OpenCaseDto) {
    return this.cases.openCase(actor, dto);
  }

  /** Cases you may see: a counsellor's plan, or for others the cases shared with their organisation by consent. */
  @Get()
  @Allow('counsellor', 'caseworker', 'social_worker')
  @ApiOkResponse({ description: 'A page of cases, most recently opened first' })
  list(@PlanActor() actor: PlanActor, @Query() query: CaseQuery) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Allow('counsellor', 'caseworker', 'social_worker')
  @ApiOkResponse({ description: 'The case with its contacts and referrals; notes only if the consent shares them' })
  @ApiNotFoundResponse({ description: 'No such case within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.cases.get(actor, id);
  }

  @Post(':id/contacts')
  @Allow('counsellor')
  @ApiCreatedResponse({ description: 'The contact' })
  @ApiConflictResponse({ description: 'The case is closed' })
  @ApiUnprocessableEntityResponse({ description: 'Before the case was opened, or in the future' })
  recordContact(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordContactDto) {
    return this.activity.recordContact(actor, id, dto);
  }

  @Post(':id/referrals')
  @Allow('counsellor')
  @ApiCreatedResponse({ description: 'The referral' })
  @ApiConflictResponse({ description: 'The case is closed' })
  @ApiUnprocessableEntityResponse({ description: 'No active share_counselling consent names the organisation, or the time is out of range' })
  recordReferral(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordReferralDto) {
    return this.activity.recordReferral(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow('counsellor')
  @ApiOkResponse({ description: 'The closed case' })
  @ApiConflictResponse({ description: 'Already closed' })
  close(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: CloseCaseDto) {
    return this.cases.close(actor, id, dto);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Allow('counsellor')
  @ApiOkResponse({ description: 'The reopened case; it still counts once, in the period it was first opened' })
  @ApiConflictResponse({ description: 'Already open, or another case on the same topic is open (`existingCaseId`)' })
  reopen(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.cases.reopen(actor, id);
  }
}
