import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ConsentsService } from './consents.service';
import { ConsentQuery, GiveConsentDto, WithdrawConsentDto } from './dto/consent.dto';
import { ConsentPage, ConsentResponse } from './dto/consent-response.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** The consent ledger. There are deliberately no PATCH or DELETE routes: a consent is withdrawn, never changed. */
@ApiTags('Consent')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  /** Records a consent as the resident (or, for a minor, a guardian) gave it. */
  @ApiOperation({ summary: "Record a resident's consent" })
  @Post()
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiCreatedResponse({ type: ConsentResponse, description: 'The consent with its derived status and history' })
  @ApiNotFoundResponse({ description: 'No such resident in your compartment' })
  @ApiUnprocessableEntityResponse({ description: 'E.g. a resident under 15 consenting alone, or recipients outside the plan; every unmet rule is listed; `code` names the first (e.g. `guardian_consent_required`)' })
  give(@PlanActor() actor: PlanActor, @Body() dto: GiveConsentDto) {
    return this.consents.give(actor, dto);
  }

  /** Consents of the residents whose records you keep, with status (active, withdrawn, expired) and history. */
  @ApiOperation({ summary: 'List consents with status and history' })
  @Get()
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: ConsentPage, description: 'A page of consents, newest first' })
  list(@PlanActor() actor: PlanActor, @Query() query: ConsentQuery) {
    return this.consents.list(actor, query);
  }

  /** Withdraws a consent; sharing stops at once and the withdrawal stays in the history. */
  @ApiOperation({ summary: 'Withdraw a consent' })
  @Post(':id/withdraw')
  @HttpCode(200)
  @Allow('counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: ConsentResponse, description: 'The consent, now withdrawn' })
  @ApiConflictResponse({ description: 'Already withdrawn (`consent_already_withdrawn`) or expired (`consent_already_expired`), or a reason given for an erased resident (`resident_erased`: withdraw without one)' })
  withdraw(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: WithdrawConsentDto) {
    return this.consents.withdraw(actor, id, dto);
  }
}
