import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { PageQuery } from '../common/pagination';
import { CreateHousingAreaDto, CreateOrganisationDto, CreatePlanDto, CreateUserDto, UpdateUserDto } from './dto/plan.dto';
import { PlansService } from './plans.service';

@ApiTags('Plans and people')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  /** Provisions a new plan (tenant). */
  @Post('plans')
  @Allow('admin')
  @ApiCreatedResponse({ description: 'The plan' })
  createPlan(@Body() dto: CreatePlanDto) {
    return this.plans.createPlan(dto);
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
  addHousingArea(@CurrentActor() actor: Actor, @Param('planId', ParseUUIDPipe) planId: string, @Body() dto: CreateHousingAreaDto) {
    return this.plans.addHousingArea(actor, planId, dto);
  }

  @Post('plans/:planId/organisations')
  @Allow('admin')
  @ApiNotFoundResponse({ description: 'No such plan' })
  @ApiConflictResponse({ description: 'The plan already has an organisation with this name' })
  addOrganisation(@CurrentActor() actor: Actor, @Param('planId', ParseUUIDPipe) planId: string, @Body() dto: CreateOrganisationDto) {
    return this.plans.addOrganisation(actor, planId, dto);
  }

  /** The admin creates a plan's first users; a leader adds users to their own plan. */
  @Post('plans/:planId/users')
  @Allow('admin', 'leader')
  @ApiNotFoundResponse({ description: 'No such plan within your reach' })
  @ApiConflictResponse({ description: 'A user with this e-mail exists' })
  createUser(@CurrentActor() actor: Actor, @Param('planId', ParseUUIDPipe) planId: string, @Body() dto: CreateUserDto) {
    return this.plans.createUser(actor, planId, dto);
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

  /** The users of your plan. */
  @Get('users')
  @Allow('leader')
  listUsers(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.plans.listUsers(requirePlan(actor).planId, query);
  }

  /** Renames a user, changes their role, or deactivates them (their sessions end). */
  @Patch('users/:id')
  @Allow('admin', 'leader')
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  updateUser(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.plans.updateUser(actor, id, dto);
  }

  /** For the admin: a plan's housing areas. */
  @Get('plans/:planId/housing-areas')
  @Allow('admin')
  async listPlanHousingAreas(@CurrentActor() actor: Actor, @Param('planId', ParseUUIDPipe) planId: string) {
    return this.plans.listHousingAreas(await this.plans.reachablePlanId(actor, planId));
  }

  /** For the admin: a plan's organisations. */
  @Get('plans/:planId/organisations')
  @Allow('admin')
  async listPlanOrganisations(@CurrentActor() actor: Actor, @Param('planId', ParseUUIDPipe) planId: string) {
    return this.plans.listOrganisations(await this.plans.reachablePlanId(actor, planId));
  }

  /** For the admin: a plan's users. */
  @Get('plans/:planId/users')
  @Allow('admin')
  async listPlanUsers(@CurrentActor() actor: Actor, @Param('planId', ParseUUIDPipe) planId: string, @Query() query: PageQuery) {
    return this.plans.listUsers(await this.plans.reachablePlanId(actor, planId), query);
  }
}
