import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, PlanActor, type Actor } from '../access/actor';
import { PageQuery } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlansService } from '../plans/plans.service';
import { CreateUserDto, InvitationQuery, UpdateUserDto } from './dto/user.dto';
import { InvitationPage, InvitationResponse, UserPage, UserResponse } from './dto/user-response.dto';
import { InvitationsService } from './invitations.service';
import { UsersService } from './users.service';

@ApiTags('Plans and people')
@ApiExtraModels(UserResponse, InvitationResponse)
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly plans: PlansService,
  ) {}

  /**
   * Adds a user to a plan. A leader's call sends an invitation e-mail with a one-time link where
   * the user sets their own password (`status: "invited"`); only the platform admin may instead
   * give an initial `password` (`status: "active"`).
   */
  @Post('plans/:planId/users')
  @Allow('admin', 'leader')
  @ApiCreatedResponse({
    description: 'The invitation (`status: "invited"`), or for the admin with a password the user (`status: "active"`)',
    schema: { oneOf: [{ $ref: getSchemaPath(InvitationResponse) }, { $ref: getSchemaPath(UserResponse) }] },
  })
  @ApiNotFoundResponse({ description: 'No such plan within your reach' })
  @ApiConflictResponse({ description: '`email_in_use`: a user of the plan has this e-mail; `invitation_pending`: it has an open invitation' })
  @ApiUnprocessableEntityResponse({ description: '`role_organisation_mismatch`: a caseworker needs a municipal organisation; the plan\'s own staff belong to none' })
  createUser(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateUserDto): Promise<InvitationResponse | UserResponse> {
    return this.users.createUser(actor, planId, dto);
  }

  /** The users of your plan. */
  @Get('users')
  @Allow('leader')
  @ApiOkResponse({ type: UserPage })
  listUsers(@PlanActor() actor: PlanActor, @Query() query: PageQuery): Promise<UserPage> {
    return this.users.listUsers(actor.planId, query);
  }

  /** For the admin: a plan's users. */
  @Get('plans/:planId/users')
  @Allow('admin')
  @ApiOkResponse({ type: UserPage })
  async listPlanUsers(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Query() query: PageQuery): Promise<UserPage> {
    return this.users.listUsers(await this.plans.reachablePlanId(actor, planId), query);
  }

  /** Renames a user, changes their role or deactivates them; a new role or deactivation ends their sessions at once. */
  @Patch('users/:id')
  @Allow('admin', 'leader')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  @ApiUnprocessableEntityResponse({ description: '`role_across_organisations`: a caseworker cannot become a boligsocial role or the reverse; `not_yourself`: nobody changes their own role' })
  updateUser(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.updateUser(actor, id, dto);
  }

  /** Your plan's invitations, newest first: who was invited, when, and whether they accepted. Never the links. */
  @Get('invitations')
  @Allow('leader')
  @ApiOkResponse({ type: InvitationPage })
  listInvitations(@PlanActor() actor: PlanActor, @Query() query: InvitationQuery): Promise<InvitationPage> {
    return this.invitations.list(actor, query);
  }

  /** Sends the invitation again with a new link and expiry; the old link stops working. */
  @Post('invitations/:id/resend')
  @HttpCode(200)
  @Allow('leader', 'admin')
  @ApiNotFoundResponse({ description: 'No such invitation within your reach' })
  @ApiOkResponse({ type: InvitationResponse })
  @ApiConflictResponse({ description: '`invitation_closed`: already accepted or withdrawn' })
  resendInvitation(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<InvitationResponse> {
    return this.invitations.resend(actor, id);
  }

  /** Withdraws an invitation; its link stops working. */
  @Post('invitations/:id/revoke')
  @HttpCode(200)
  @Allow('leader', 'admin')
  @ApiNotFoundResponse({ description: 'No such invitation within your reach' })
  @ApiOkResponse({ type: InvitationResponse })
  @ApiConflictResponse({ description: '`invitation_closed`: already accepted or withdrawn' })
  revokeInvitation(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<InvitationResponse> {
    return this.invitations.revoke(actor, id);
  }
}
