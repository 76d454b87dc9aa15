import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { PageQuery } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlansService } from '../plans/plans.service';
import { CreateUserDto, InvitationQuery, UpdateUserDto } from './dto/user.dto';
import { InvitationsService } from './invitations.service';
import { UsersService } from './users.service';

@ApiTags('Plans and people')
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
  @ApiCreatedResponse({ description: 'The invitation (`status: "invited"`), or for the admin with a password the user (`status: "active"`)' })
  @ApiNotFoundResponse({ description: 'No such plan within your reach' })
  @ApiConflictResponse({ description: 'A user of the plan has this e-mail, or it has an open invitation' })
  @ApiUnprocessableEntityResponse({ description: 'A caseworker needs a municipal organisation; the plan\'s own staff belong to none' })
  createUser(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateUserDto) {
    return this.users.createUser(actor, planId, dto);
  }

  /** The users of your plan. */
  @Get('users')
  @Allow('leader')
  listUsers(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.users.listUsers(requirePlan(actor).planId, query);
  }

  /** For the admin: a plan's users. */
  @Get('plans/:planId/users')
  @Allow('admin')
  async listPlanUsers(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Query() query: PageQuery) {
    return this.users.listUsers(await this.plans.reachablePlanId(actor, planId), query);
  }

  /** Renames a user, changes their role or deactivates them; a new role or deactivation ends their sessions at once. */
  @Patch('users/:id')
  @Allow('admin', 'leader')
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  @ApiUnprocessableEntityResponse({ description: 'A caseworker cannot become a boligsocial role or the reverse; nobody changes their own role' })
  updateUser(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.updateUser(actor, id, dto);
  }

  /** Your plan's invitations, newest first: who was invited, when, and whether they accepted. Never the links. */
  @Get('invitations')
  @Allow('leader')
  @ApiOkResponse({ description: 'A page of invitations' })
  listInvitations(@CurrentActor() actor: Actor, @Query() query: InvitationQuery) {
    return this.invitations.list(actor, query);
  }

  /** Sends the invitation again with a new link and expiry; the old link stops working. */
  @Post('invitations/:id/resend')
  @HttpCode(200)
  @Allow('leader', 'admin')
  @ApiNotFoundResponse({ description: 'No such invitation within your reach' })
  @ApiConflictResponse({ description: 'Already accepted or withdrawn' })
  resendInvitation(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.invitations.resend(actor, id);
  }

  /** Withdraws an invitation; its link stops working. */
  @Post('invitations/:id/revoke')
  @HttpCode(200)
  @Allow('leader', 'admin')
  @ApiNotFoundResponse({ description: 'No such invitation within your reach' })
  @ApiConflictResponse({ description: 'Already accepted or withdrawn' })
  revokeInvitation(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.invitations.revoke(actor, id);
  }
}
