import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow, RefuseOthersWith } from '../access/allow.decorator';
import { CurrentActor, PlanActor, type Actor } from '../access/actor';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateHousingAreaDto, CreateOrganisationDto, CreatePlanDto } from './dto/plan.dto';
import { HousingAreaPage, HousingAreaResponse, OrganisationPage, OrganisationResponse, PlanPage, PlanResponse } from './dto/plan-response.dto';
import { PlanSettingsDto } from './dto/plan-settings.dto';
import { PlanSettingsResponse } from './dto/plan-settings-response.dto';
import { PlanSettingsService } from './plan-settings.service';
import { PlanSetupStatusService } from './plan-setup-status.service';
import { PlanSetupStatusResponse } from './dto/plan-setup-status.dto';
import { PlansService } from './plans.service';

/** A leader who tries to add a housing area or organisation is told who can (domain.md: the admin provisions them). */
const PROVISIONED_BY_ADMIN = { code: 'provisioned_by_admin', detail: 'Only the platform admin adds housing areas and organisations to a plan; a leader edits them (PATCH)' } as const;

@ApiTags('Plans and people')
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly settings: PlanSettingsService,
    private readonly setup: PlanSetupStatusService,
  ) {}

  /** Provisions a new plan (tenant). */
  @ApiOperation({ summary: 'Admin: provision a new plan' })
  @Post('plans')
  @Allow('admin')
  @ApiCreatedResponse({ type: PlanResponse })
  createPlan(@CurrentActor() actor: Actor, @Body() dto: CreatePlanDto): Promise<PlanResponse> {
    return this.plans.createPlan(actor, dto);
  }

  @ApiOperation({ summary: 'Admin: list all plans' })
  @Get('plans')
  @Allow('admin')
  @ApiOkResponse({ type: PlanPage, description: 'All plans on the platform' })
  listPlans(): Promise<PlanPage> {
    return this.plans.listPlans();
  }

  @ApiOperation({ summary: 'Admin: add a housing area to a plan' })
  @Post('plans/:planId/housing-areas')
  @HttpCode(201)
  @RefuseOthersWith(PROVISIONED_BY_ADMIN)
  @Allow('admin')
  @ApiCreatedResponse({ type: HousingAreaResponse })
  @ApiNotFoundResponse({ description: 'No such plan' })
  @ApiConflictResponse({ description: '`duplicate_housing_area`: the plan already has a housing area with this name' })
  addHousingArea(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateHousingAreaDto): Promise<HousingAreaResponse> {
    return this.plans.addHousingArea(actor, planId, dto);
  }

  @ApiOperation({ summary: 'Admin: add a partner organisation to a plan' })
  @Post('plans/:planId/organisations')
  @RefuseOthersWith(PROVISIONED_BY_ADMIN)
  @Allow('admin')
  @ApiCreatedResponse({ type: OrganisationResponse })
  @ApiNotFoundResponse({ description: 'No such plan' })
  @ApiConflictResponse({ description: '`duplicate_organisation`: the plan already has an organisation with this name' })
  addOrganisation(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.plans.addOrganisation(actor, planId, dto);
  }

  /** The housing areas of your plan. */
  @ApiOperation({ summary: "List your plan's housing areas" })
  @Get('housing-areas')
  @Allow('leader', 'counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: HousingAreaPage })
  listHousingAreas(@PlanActor() actor: PlanActor): Promise<HousingAreaPage> {
    return this.plans.listHousingAreas(actor.planId);
  }

  /** The partner organisations of your plan (referral recipients, consent recipients). */
  @ApiOperation({ summary: "List your plan's partner organisations" })
  @Get('organisations')
  @Allow('leader', 'counsellor', 'social_worker', 'caseworker')
  @ApiOkResponse({ type: OrganisationPage })
  listOrganisations(@PlanActor() actor: PlanActor): Promise<OrganisationPage> {
    return this.plans.listOrganisations(actor.planId);
  }

  /** For the admin: a plan's housing areas. */
  @ApiOperation({ summary: "Admin: list a plan's housing areas" })
  @Get('plans/:planId/housing-areas')
  @Allow('admin')
  @ApiOkResponse({ type: HousingAreaPage })
  async listPlanHousingAreas(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string): Promise<HousingAreaPage> {
    return this.plans.listHousingAreas(await this.plans.reachablePlanId(actor, planId));
  }

  /** For the admin: a plan's organisations. */
  @ApiOperation({ summary: "Admin: list a plan's organisations" })
  @Get('plans/:planId/organisations')
  @Allow('admin')
  @ApiOkResponse({ type: OrganisationPage })
  async listPlanOrganisations(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string): Promise<OrganisationPage> {
    return this.plans.listOrganisations(await this.plans.reachablePlanId(actor, planId));
  }

  /** The plan's settings: guardian-consent age, suppression threshold, retention and the leisure-job programme's ranges and target. */
  @ApiOperation({ summary: "Leader or admin: read a plan's settings" })
  @Get('plans/:planId/settings')
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: PlanSettingsResponse })
  @ApiNotFoundResponse({ description: 'No such plan, or not yours (a leader reaches only their own plan)' })
  readSettings(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string): Promise<PlanSettingsResponse> {
    return this.settings.read(actor, planId);
  }

  /** Replaces the plan's settings (every field required); the rules use them from the next request on. */
  @ApiOperation({ summary: "Leader or admin: replace a plan's settings" })
  @Put('plans/:planId/settings')
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: PlanSettingsResponse })
  @ApiNotFoundResponse({ description: 'No such plan, or not yours (a leader reaches only their own plan)' })
  @ApiUnprocessableEntityResponse({ description: '`plan_settings_range`: a range (programme ages, hours a week, months) has its max below its min' })
  replaceSettings(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: PlanSettingsDto): Promise<PlanSettingsResponse> {
    return this.settings.replace(actor, planId, dto);
  }

  /** What a new plan has so far, for the leader's checklist: one call instead of six. */
  @ApiOperation({ summary: 'Leader or admin: how far a plan is set up (areas, organisations, staff, settings, activities, indicators)' })
  @Get('plans/:planId/setup-status')
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: PlanSetupStatusResponse })
  @ApiNotFoundResponse({ description: 'No such plan, or not yours (a leader reaches only their own plan)' })
  setupStatus(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string): Promise<PlanSetupStatusResponse> {
    return this.setup.status(actor, planId);
  }
}
