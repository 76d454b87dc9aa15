import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, PlanActor, type Actor } from '../access/actor';
import { PageQuery } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlansService } from '../plans/plans.service';
import { CreateUserDto, InvitationQuery, UpdateUserDto } from './dto/user.dto';
import { InvitationPage, InvitationResponse, UserPage, UserResponse } from './dto/user-response.dto';
import { InvitationsService } from './invitations.service';
import { RoleApprovalsService } from './role-approvals.service';
import { UsersService } from './users.service';

@ApiTags('Plans and people')
@ApiExtraModels(UserResponse, InvitationResponse)
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly plans: PlansService,
    private readonly approvals: RoleApprovalsService,
  ) {}

  /**
   * Invites a user to a plan: an e-mail with a one-time link where the user sets their own password
   * (`status: "invited"`). Nobody else sets it: a `password` is refused (400), the admin's too. A
   * role that reads case notes (counsellor, social worker) or a leader asked for by a leader starts
   * when the invitee has accepted and another person has approved it (POST /users/:id/approve).
   */
  @ApiOperation({ summary: 'Invite a user to a plan by e-mail' })
  @Post('plans/:planId/users')
  @Allow('admin', 'leader')
  @ApiCreatedResponse({
    description: 'The invitation (`status: "invited"`). (`UserResponse` was the answer to an admin\'s initial password, which is refused since issue 20.)',
    schema: { oneOf: [{ $ref: getSchemaPath(InvitationResponse) }, { $ref: getSchemaPath(UserResponse) }] },
  })
  @ApiNotFoundResponse({ description: 'No such plan within your reach' })
  @ApiConflictResponse({ description: '`email_in_use`: a user of the plan has this e-mail; `invitation_pending`: it has an open invitation' })
  @ApiUnprocessableEntityResponse({ description: '`role_organisation_mismatch`: a caseworker needs a municipal organisation, a volunteer a partner organisation that is not municipal; the plan\'s own staff belong to none' })
  createUser(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Body() dto: CreateUserDto): Promise<InvitationResponse> {
    return this.users.createUser(actor, planId, dto);
  }

  /** The users of your plan. */
  @ApiOperation({ summary: "Leader: list your plan's users" })
  @Get('users')
  @Allow('leader')
  @ApiOkResponse({ type: UserPage })
  listUsers(@PlanActor() actor: PlanActor, @Query() query: PageQuery): Promise<UserPage> {
    return this.users.listUsers(actor.planId, query);
  }

  /** For the admin: a plan's users. */
  @ApiOperation({ summary: "Admin: list a plan's users" })
  @Get('plans/:planId/users')
  @Allow('admin')
  @ApiOkResponse({ type: UserPage })
  async listPlanUsers(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Query() query: PageQuery): Promise<UserPage> {
    return this.users.listUsers(await this.plans.reachablePlanId(actor, planId), query);
  }

  /**
   * Renames a user, changes their role or deactivates or reactivates them. Deactivation and a new
   * role that needs no approval take effect at once and end the user's sessions; a role that reads
   * a compartment's case notes (counsellor, social worker), a leader asked for by a leader, and the
   * reactivation of such an account wait for another person's approval (`pendingRole`) while the
   * user keeps signing in as they are.
   */
  @ApiOperation({ summary: 'Rename, change the role of, or (de)activate a user' })
  @Patch('users/:id')
  @Allow('admin', 'leader')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  @ApiUnprocessableEntityResponse({ description: '`role_across_organisations`: a caseworker cannot become a boligsocial role, nor a volunteer any other role, or the reverse; `not_yourself`: nobody changes their own role' })
  updateUser(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.updateUser(actor, id, dto);
  }

  /** One user of your plan (the admin: of any plan), with the grant waiting for approval (`pendingRole`), if any. */
  @ApiOperation({ summary: 'Read one user with any grant awaiting approval' })
  @Get('users/:id')
  @Allow('admin', 'leader')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  getUser(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<UserResponse> {
    return this.users.getUser(actor, id);
  }

  /**
   * Approves the grant waiting for the user (a new or reactivated account, or a role change, into a
   * role that reads case notes), which takes effect now: a changed role ends the user's sessions.
   * Another leader of the plan, the plan's named approver or the platform admin; never the one who
   * asked, nor the user. Audited; the user and the plan's leaders get an e-mail.
   */
  @ApiOperation({ summary: 'Approve the grant waiting for a user' })
  @Post('users/:id/approve')
  @HttpCode(200)
  @Allow('admin', 'leader', 'counsellor', 'social_worker')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  @ApiForbiddenResponse({ description: '`not_an_approver`: a counsellor or social worker who is not the plan\'s named approver' })
  @ApiConflictResponse({ description: '`no_pending_approval`: nothing waits for approval' })
  @ApiUnprocessableEntityResponse({ description: '`approval_by_requester`: you asked for it; `approval_of_self`: it is your own' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<UserResponse> {
    return this.approvals.approve(actor, id);
  }

  /**
   * Drops the grant waiting for the user: refused by whoever may approve it, or withdrawn by the one
   * who asked. The user stays as they are (a new account stays unable to sign in). Audited; the user
   * and the plan's leaders get an e-mail.
   */
  @ApiOperation({ summary: 'Refuse or withdraw the grant waiting for a user' })
  @Post('users/:id/reject-approval')
  @HttpCode(200)
  @Allow('admin', 'leader', 'counsellor', 'social_worker')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: 'No such user within your reach' })
  @ApiForbiddenResponse({ description: '`not_an_approver`: a counsellor or social worker who is not the plan\'s named approver' })
  @ApiConflictResponse({ description: '`no_pending_approval`: nothing waits for approval' })
  @ApiUnprocessableEntityResponse({ description: '`approval_of_self`: it is your own' })
  rejectApproval(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<UserResponse> {
    return this.approvals.refuse(actor, id);
  }

  /** Your plan's invitations, newest first: who was invited, when, and whether they accepted. Never the links. */
  @ApiOperation({ summary: "Leader: list your plan's invitations" })
  @Get('invitations')
  @Allow('leader')
  @ApiOkResponse({ type: InvitationPage })
  listInvitations(@PlanActor() actor: PlanActor, @Query() query: InvitationQuery): Promise<InvitationPage> {
    return this.invitations.list(actor.planId, query);
  }

  /**
   * For the admin: a plan's invitations, newest first, so the first leader's invitation can be sent
   * again (it expires, or the address was mistyped) or withdrawn. Never the links.
   */
  @ApiOperation({ summary: "Admin: list a plan's invitations" })
  @Get('plans/:planId/invitations')
  @Allow('admin')
  @ApiOkResponse({ type: InvitationPage })
  @ApiNotFoundResponse({ description: 'No such plan' })
  async listPlanInvitations(@CurrentActor() actor: Actor, @Param('planId', ParseIdPipe) planId: string, @Query() query: InvitationQuery): Promise<InvitationPage> {
    return this.invitations.list(await this.plans.reachablePlanId(actor, planId), query);
  }

  /** Sends the invitation again with a new link and expiry; the old link stops working. */
  @ApiOperation({ summary: 'Send an invitation again with a new link' })
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
  @ApiOperation({ summary: 'Withdraw an invitation' })
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
