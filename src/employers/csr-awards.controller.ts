import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { AwardCsrPrizeDto } from './dto/register.dto';
import { CsrAwardPage, CsrAwardResponse } from './dto/register-response.dto';
import { CsrAwardsService } from './csr-awards.service';

/** The plan's local CSR prize: the leader and the staff who keep the register record the winner. */
@ApiTags('Employers')
@Controller('csr-awards')
export class CsrAwardsController {
  constructor(private readonly awards: CsrAwardsService) {}

  @ApiOperation({ summary: "Record the year's CSR prize winner and nominees" })
  @Post()
  @Allow('leader', 'counsellor', 'social_worker')
  @ApiCreatedResponse({ type: CsrAwardResponse, description: 'The prize, the winner first among the nominees' })
  @ApiUnprocessableEntityResponse({ description: 'A year that has not begun (`csr_year_unmet`), or a nominee not of your plan (`unknown_employers`)' })
  @ApiConflictResponse({ description: 'The prize for the year is given already (`csr_award_exists`, `existingAwardId`)' })
  @ApiNotFoundResponse({ description: 'The winner is not an employer of your plan' })
  award(@PlanActor() actor: PlanActor, @Body() dto: AwardCsrPrizeDto) {
    return this.awards.award(actor, dto);
  }

  @ApiOperation({ summary: "List the plan's CSR prizes" })
  @Get()
  @Allow('leader', 'counsellor', 'social_worker')
  @ApiOkResponse({ type: CsrAwardPage, description: 'Every year\'s prize, latest first' })
  list(@PlanActor() actor: PlanActor) {
    return this.awards.list(actor);
  }
}
