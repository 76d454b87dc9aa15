import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { RequireStepUp } from '../access/step-up';
import { PlanActor } from '../access/actor';
import { SessionCheckedByWrite, UncheckedCaller } from '../access/session-checked-write';
import { CaseActivityService } from './case-activity.service';
import { CounsellingCasesService } from './counselling-cases.service';
import { CaseQuery, CaseVersionDto, CloseCaseDto, OpenCaseDto, RecordContactDto, RecordReferralDto } from './dto/counselling.dto';
import { CaseDetailResponse, CasePage, CaseResponse, ContactResponse, OpenedCaseResponse, ReferralRecipientPage, ReferralResponse } from './dto/counselling-response.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('Counselling')
@Controller('counselling-cases')
export class CounsellingController {
  constructor(
    private readonly cases: CounsellingCasesService,
    private readonly activity: CaseActivityService,
  ) {}

  /** Opens a case for a new matter, with the conversation it is opened for if `firstContact` is given. */
  @ApiOperation({ summary: 'Counsellor: open a counselling case' })
  @Post()
  @Allow('counsellor')
  @ApiCreatedResponse({ type: OpenedCaseResponse, description: 'The new case, with its first contact (or null)' })
  @ApiUnprocessableEntityResponse({ description: 'openedAt in the future, or firstContact.occurredAt on a day before openedAt or in the future (`activity_time_out_of_range`)' })
  @ApiConflictResponse({ description: 'The resident already has an open case on this topic (`duplicate_open_case`); `existingCaseId` names it' })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  openCase(@PlanActor() actor: PlanActor, @Body() dto: OpenCaseDto) {
    return this.cases.openCase(actor, dto);
  }

  /** Cases you may see: a counsellor's plan, or for others the cases shared with their organisation by consent. */
  @ApiOperation({ summary: 'List the counselling cases you may see' })
  @Get()
  @Allow('counsellor', 'caseworker', 'social_worker')
  @ApiOkResponse({ type: CasePage, description: 'A page of cases, most recently opened first, each with the resident\'s name and the topic\'s label' })
  list(@PlanActor() actor: PlanActor, @Query() query: CaseQuery) {
    return this.cases.list(actor, query);
  }

  @ApiOperation({ summary: 'Read one counselling case with its timeline' })
  @Get(':id')
  @Allow('counsellor', 'caseworker', 'social_worker')
  // Carries case notes: the most sensitive read there is (issue 9).
  @RequireStepUp()
  @ApiOkResponse({ type: CaseDetailResponse, description: 'The case with its contacts and referrals; notes only if the consent shares them' })
  @ApiNotFoundResponse({ description: 'No such case within your reach' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.cases.get(actor, id);
  }

  @ApiOperation({ summary: 'Counsellor: log a conversation on a case' })
  @Post(':id/contacts')
  @Allow('counsellor')
  @SessionCheckedByWrite()
  @ApiCreatedResponse({ type: ContactResponse, description: 'The contact' })
  @ApiConflictResponse({ description: 'The case is closed (`case_closed`)' })
  @ApiUnprocessableEntityResponse({ description: 'On a day (Danish time) before the case was opened, or in the future (`activity_time_out_of_range`)' })
  recordContact(@UncheckedCaller() caller: UncheckedCaller, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordContactDto) {
    return this.activity.recordContact(caller, id, dto);
  }

  @ApiOperation({ summary: 'Counsellor: whom a case may be referred to, each with whether the resident\'s consent allows it' })
  @Get(':id/referral-recipients')
  @Allow('counsellor')
  @ApiOkResponse({ type: ReferralRecipientPage, description: 'The plan\'s organisations, each with `consentAllows` and the consent that decides it' })
  @ApiNotFoundResponse({ description: 'No such case within your reach' })
  referralRecipients(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string) {
    return this.activity.referralRecipients(actor, id);
  }

  @ApiOperation({ summary: 'Counsellor: refer a case to a partner organisation' })
  @Post(':id/referrals')
  @Allow('counsellor')
  @ApiCreatedResponse({ type: ReferralResponse, description: 'The referral' })
  @ApiConflictResponse({ description: 'The case is closed (`case_closed`)' })
  @ApiUnprocessableEntityResponse({ description: 'No active share_counselling consent names the organisation (`consent_required`; `latestConsent` names the resident\'s consent that comes nearest: withdrawn, expired or for other recipients, or null when none was given), or the time is out of range' })
  recordReferral(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: RecordReferralDto) {
    return this.activity.recordReferral(actor, id, dto);
  }

  @ApiOperation({ summary: 'Counsellor: close a case' })
  @Post(':id/close')
  @HttpCode(200)
  @Allow('counsellor')
  @ApiOkResponse({ type: CaseResponse, description: 'The closed case' })
  @ApiConflictResponse({ description: 'Already closed (`case_already_closed`), changed since the `version` you sent (`stale_version`), or an outcome given for an erased resident (`resident_erased`: close without one)' })
  close(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: CloseCaseDto) {
    return this.cases.close(actor, id, dto);
  }

  @ApiOperation({ summary: 'Counsellor: reopen a closed case' })
  @Post(':id/reopen')
  @HttpCode(200)
  @Allow('counsellor')
  @ApiOkResponse({ type: CaseResponse, description: 'The reopened case; it still counts once, in the period it was first opened' })
  @ApiConflictResponse({ description: 'Already open (`case_already_open`), another case on the same topic is open (`duplicate_open_case`, `existingCaseId`), or changed since the `version` you sent (`stale_version`)' })
  reopen(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: CaseVersionDto) {
    return this.cases.reopen(actor, id, dto ?? {});
  }
}
