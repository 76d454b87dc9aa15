import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanActor } from '../../access/actor';
import { Allow } from '../../access/allow.decorator';
import { RequireStepUp } from '../../access/step-up';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { ChangeReferralStatusDto, ReferralQuery } from './referral-follow-up.dto';
import { ReferralFollowUpPage, ReferralFollowUpResponse } from './referral-follow-up-response.dto';
import { ReferralFollowUpService } from './referral-follow-up.service';

@ApiTags('Counselling')
@Controller('referrals')
export class ReferralFollowUpController {
  constructor(private readonly followUp: ReferralFollowUpService) {}

  /** A caseworker: the referrals sent to their organisation, while the resident's consent to share with it holds. A counsellor: the plan's. */
  @ApiOperation({ summary: "List referrals (a caseworker's inbox)" })
  @Get()
  @Allow('counsellor', 'caseworker')
  // Answers with the follow-up's notes and the referrals' reasons, written by others about the resident.
  @RequireStepUp()
  @ApiOkResponse({ type: ReferralFollowUpPage, description: 'A page of referrals, most recently sent first, each with its status history' })
  list(@PlanActor() actor: PlanActor, @Query() query: ReferralQuery) {
    return this.followUp.list(actor, query);
  }

  @ApiOperation({ summary: 'Accept, reject or complete a referral' })
  @Post(':id/status')
  @HttpCode(200)
  @Allow('counsellor', 'caseworker')
  @ApiOkResponse({ type: ReferralFollowUpResponse, description: 'The referral with its new status and its history' })
  @ApiForbiddenResponse({ description: 'A counsellor may only revoke; a caseworker may only accept, reject or complete (`referral_status_not_yours`)' })
  @ApiConflictResponse({ description: 'Not allowed from the current status (`referral_transition_refused`, with `currentStatus` and `allowed`), changed since your `version` (`stale_version`), or the resident was erased (`resident_erased`)' })
  @ApiNotFoundResponse({ description: 'No such referral within your reach: another organisation\'s, or the consent no longer holds' })
  changeStatus(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: ChangeReferralStatusDto) {
    return this.followUp.changeStatus(actor, id, dto);
  }
}
