import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { ConsentsService } from './consents.service';
import { ConsentQuery, GiveConsentDto, WithdrawConsentDto } from './dto/consent.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** The consent ledger. There are deliberately no PATCH or DELETE routes: a consent is withdrawn, never changed. */
@ApiTags('Consent')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  /** Records a consent as the resident (or, for a minor, a guardian) gave it. */
  @Post()
  @Allow('counsellor', 'social_worker')
  @ApiCreatedResponse({ description: 'The consent with its derived status and history' })
  @ApiNotFoundResponse({ description: 'No such resident in your compartment' })
  @ApiUnprocessableEntityResponse({ description: 'E.g. a resident under 15 consenting alone, or recipients outside the plan; every unmet rule is listed' })
  give(@CurrentActor() actor: Actor, @Body() dto: GiveConsentDto) {
    return this.consents.give(requirePlan(actor), dto);
  }

  /** Consents of the residents whose records you keep, with status (active, withdrawn, expired) and history. */
  @Get()
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ description: 'A page of consents, newest first' })
  list(@CurrentActor() actor: Actor, @Query() query: ConsentQuery) {
    return this.consents.list(requirePlan(actor), query);
  }

  /** Withdraws a consent; sharing stops at once and the withdrawal stays in the history. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Allow('counsellor', 'social_worker')
  @ApiOkResponse({ description: 'The consent, now withdrawn' })
  @ApiConflictResponse({ description: 'Already withdrawn or expired' })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: WithdrawConsentDto) {
    return this.consents.withdraw(requirePlan(actor), id, dto);
  }
}
