import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { CreateHousingAreaDto, CreateOrganisationDto, CreatePlanDto } from './dto/plan.dto';
import { PlansService } from './plans.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('Plans and people')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  /** Provisions a new plan (tenant). */
  @Post('plans')
  @Allow('admin')
  @ApiCreatedResponse({ description: 'The plan' })
  createPlan(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto) {
    return this.plans.createPlan(actor, dto);
  }

  @Get('plans')
  @Allow('admin')
  @ApiOkResponse({ description: 'All plans on the platform' })
  listPlans() {
    return this.plans.listPlans();
  }

  @Post('plans/:planId/housing-areas')
  @HttpCode(201)
  @Allow('admin')
  @ApiNotFoundResponse({ description: 'No such plan' })
  @ApiConflictResponse({ description: 'The plan already has a housing area with this name' })
  addHousingArea(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateHousingAreaDto) {
    return this.plans.addHousingArea(actor, planId, dto);
  }

  @Post('plans/:planId/organisations')
  @Allow('admin')
  @ApiNotFoundResponse({ description: 'No such plan' })
  @ApiConflictResponse({ description: 'The plan already has an organisation with this name' })
  addOrganisation(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateOrganisationDto) {
    return this.plans.addOrganisation(actor, planId, dto);
  }

  /** The housing areas of your plan. */
  @Get('housing-areas')
  @Allow('leader', 'counsellor', 'social_worker', 'caseworker')
  listHousingAreas(@CurrentActor() actor: Actor) {
    return this.plans.listHousingAreas(requirePlan(actor).planId);
  }

  /** The partner organisations of your plan (referral recipients, consent recipients). */
  @Get('organisations')
  @Allow('leader', 'counsellor', 'social_worker', 'caseworker')
  listOrganisations(@CurrentActor() actor: Actor) {
    return this.plans.listOrganisations(requirePlan(actor).planId);
  }

  /** For the admin: a plan's housing areas. */
  @Get('plans/:planId/housing-areas')
  @Allow('admin')
  async listPlanHousingAreas(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string) {
    return this.plans.listHousingAreas(await this.plans.reachablePlanId(actor, planId));
  }

  /** For the admin: a plan's organisations. */
  @Get('plans/:planId/organisations')
  @Allow('admin')
  async listPlanOrganisations(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string) {
    return this.plans.listOrganisations(await this.plans.reachablePlanId(actor, planId));
  }
}
