import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { AuditWriter } from '../audit/audit-writer';
import { hashPassword } from '../auth/passwords';
import { passwordProblems } from '../auth/password-policy';
import { Conflict, InvalidInput, NotFound, Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../jobs/outbox';
import { INVITATION_MAIL_QUEUE, JOBS } from '../jobs/queues';
import { MailService } from '../mail/mail.service';
import { PlansService } from '../plans/plans.service';
import type { CreateUserDto, InvitationQuery } from './dto/user.dto';
import type { InvitationPage, InvitationResponse } from './dto/user-response.dto';
import { invitationStatus, type Invitation } from './invitation.entity';
import { alreadyHasAccountMail, invitationMail } from './invitation-mail';
import { InvitationsRepository } from './invitations.repository';
import { hashLinkToken, newLinkToken } from './link-tokens';
import type { User } from './user.entity';
import { invitationView } from './user-views';
import { UsersRepository } from './users.repository';
import { RoleGrantsService, type GrantRequester } from './role-grants.service';
import type { PlanRole } from '../access/roles';

const USER_MANAGEMENT = 'user_management';

/**
 * Invitations: how a leader adds staff. The e-mail is sent by a worker (outbox, so an accepted
 * invitation is never lost), which makes a fresh one-time token at sending time: the token exists
 * only in the e-mail, its hash in the database, and nowhere else (not in the queue, not in logs).
 * An address that already has an account (in any plan) gets a note instead of a link, and the
 * leader's answer is the same either way, so inviting cannot be used to learn who has an account
 * in another plan.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly outbox: Outbox,
    private readonly mail: MailService,
    private readonly plans: PlansService,
    private readonly grants: RoleGrantsService,
  ) {}

  /** Called by UsersService inside its transaction, after the plan, role and organisation are checked. */
  async invite(manager: EntityManager, actor: Actor, planId: string, dto: CreateUserDto): Promise<InvitationResponse> {
    const email = dto.email.toLowerCase();
    if (await this.users.emailTaken(manager, email, planId)) throw new Conflict('A user of this plan has this e-mail', { code: 'email_in_use' });
    const pending = await this.invitations.findOpenFor(manager, planId, email);
    if (pending) {
      throw new Conflict('This e-mail already has an open invitation to the plan; send it again instead', { code: 'invitation_pending', extra: { invitationId: pending.id } });
    }
    const invitation = await this.invitations.insert(manager, {
      planId,
      email,
      name: dto.name,
      role: dto.role,
      organisationId: dto.organisationId ?? null,
      expiresAt: this.expiry(),
      invitedBy: actor.userId,
    });
    await this.send(manager, invitation);
    await this.audit.record({ ...actor, planId }, { action: 'user.invited', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: invitation.id }, manager);
    return invitationView(invitation);
  }

  /** The caller has already settled that the plan is theirs (the leader's own, or any for the admin). */
  list(planId: string, query: InvitationQuery): Promise<InvitationPage> {
    return this.invitations.page(this.manager, planId, query.status, query, invitationView);
  }

  /** A new link (the old one stops working) and a new expiry, for an invitation not yet accepted or revoked. */
  async resend(actor: Actor, id: string): Promise<InvitationResponse> {
    return this.uow.run(async (manager) => {
      const invitation = await this.lockOpen(manager, actor, id);
      invitation.expiresAt = this.expiry();
      invitation.tokenHash = null;
      await this.invitations.update(manager, id, { expiresAt: invitation.expiresAt, tokenHash: null, sentAt: null });
      await this.send(manager, invitation);
      await this.audit.record({ ...actor, planId: invitation.planId }, { action: 'user.invitation_resent', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: id }, manager);
      return invitationView({ ...invitation, sentAt: null });
    });
  }

  async revoke(actor: Actor, id: string): Promise<InvitationResponse> {
    return this.uow.run(async (manager) => {
      const invitation = await this.lockOpen(manager, actor, id);
      const revokedAt = new Date();
      await this.invitations.update(manager, id, { revokedAt, tokenHash: null });
      await this.audit.record({ ...actor, planId: invitation.planId }, { action: 'user.invitation_revoked', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: id }, manager);
      return invitationView({ ...invitation, revokedAt });
    });
  }

  /**
   * The invitee sets their password: the user is created, the invitation used up. An unknown,
   * used, revoked or expired link answers alike (401), telling a guesser nothing. A role that reads
   * a compartment's notes (or approves such roles) waits for a second person: the account is made
   * inactive, with its grant filed in the inviter's name (`awaitingApproval`).
   */
  async accept(token: string, password: string, requestId: string): Promise<User & { awaitingApproval: boolean }> {
    return this.uow.run(async (manager) => {
      const invitation = await this.invitations.lockUsableByTokenHash(manager, hashLinkToken(token));
      if (!invitation) throw new Unauthenticated('The invitation link is not valid: it was used, withdrawn or has expired. Ask for a new invitation.', { code: 'invitation_invalid' });
      const problems = passwordProblems(password, { email: invitation.email, name: invitation.name });
      if (problems.length) throw new InvalidInput(problems, 'weak_password');
      if (await this.users.emailTaken(manager, invitation.email)) throw new Conflict('There is already a user with this e-mail; sign in with it, or ask for an invitation to another address', { code: 'email_in_use' });
      return this.createInvitee(manager, invitation, { passwordHash: await hashPassword(password), role: invitation.role, name: invitation.name }, requestId);
    });
  }

  /**
   * The account an invitation becomes (by a password, or by single sign-on with the provider's role
   * and name), the invitation used up; inactive until approved where its role needs approval.
   */
  async createInvitee(manager: EntityManager, invitation: Invitation, account: { passwordHash: string | null; role: PlanRole; name: string }, requestId: string): Promise<User & { awaitingApproval: boolean }> {
    const inviter = await this.users.findById(manager, invitation.invitedBy);
    const requester: GrantRequester = {
      actor: { userId: null, role: null, planId: invitation.planId, requestId },
      kind: inviter?.role === 'admin' ? 'admin' : 'plan_user',
    };
    const awaitingApproval = await this.grants.newAccountWaits(manager, invitation.planId, account.role, requester);
    const user = await this.users.insert(manager, {
      planId: invitation.planId,
      organisationId: invitation.organisationId,
      email: invitation.email,
      name: account.name,
      role: account.role,
      passwordHash: account.passwordHash,
      active: !awaitingApproval,
    });
    await this.markAccepted(manager, invitation, user, requestId);
    if (awaitingApproval) {
      await this.grants.fileForNewAccount(manager, { ...requester, actor: { userId: user.id, role: user.role, planId: user.planId, requestId } }, user, invitation.invitedBy);
    }
    return { ...user, awaitingApproval };
  }

  /** Single sign-on with an invitation link's token: the open invitation, locked for the caller's transaction (null: not usable). */
  findUsableForSingleSignOn(manager: EntityManager, token: string): Promise<Invitation | null> {
    return this.invitations.lockUsableByTokenHash(manager, hashLinkToken(token));
  }

  private async markAccepted(manager: EntityManager, invitation: Invitation, user: User, requestId: string): Promise<void> {
    await this.invitations.update(manager, invitation.id, { acceptedAt: new Date(), userId: user.id, tokenHash: null });
    await this.audit.record(
      { userId: user.id, role: user.role, planId: user.planId, requestId },
      [
        { action: 'user.invitation_accepted', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: invitation.id },
        { action: 'user.created', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id },
      ],
      manager,
    );
  }

  /**
   * The worker's part: a fresh token, its hash stored, and the e-mail sent. Idempotent enough: a
   * retried job sends a new link, and only the newest works. Nothing for an invitation that is no
   * longer open.
   */
  async deliver(invitationId: string): Promise<'sent' | 'already_has_account' | 'not_open'> {
    const invitation = await this.invitations.findById(this.manager, invitationId);
    if (!invitation || invitationStatus(invitation) !== 'pending') return 'not_open';
    const plan = await this.plans.getPlan(invitation.planId);
    if (await this.users.emailTaken(this.manager, invitation.email)) {
      await this.mail.send(alreadyHasAccountMail(invitation, plan.name));
      await this.invitations.update(this.manager, invitationId, { sentAt: new Date() });
      return 'already_has_account';
    }
    const { token, hash } = newLinkToken();
    if (!(await this.invitations.storeTokenHash(this.manager, invitationId, hash))) return 'not_open';
    await this.mail.send(invitationMail(invitation, plan.name, `${this.config.publicUrl}/set-password#token=${token}`, invitation.expiresAt));
    this.logger.log({ invitationId }, 'invitation e-mail sent');
    return 'sent';
  }

  private async send(manager: EntityManager, invitation: Invitation): Promise<void> {
    await this.outbox.enqueue(manager, INVITATION_MAIL_QUEUE, JOBS.sendInvitation, { invitationId: invitation.id });
  }

  /** The leader reaches their own plan's invitations; the platform admin any plan's. */
  private async lockOpen(manager: EntityManager, actor: Actor, id: string): Promise<Invitation> {
    const invitation = await this.invitations.lockById(manager, id, actor.role === 'admin' ? undefined : requirePlan(actor).planId);
    if (!invitation) throw new NotFound('Invitation');
    if (invitation.acceptedAt || invitation.revokedAt) {
      throw new Conflict(`The invitation was already ${invitation.acceptedAt ? 'accepted' : 'withdrawn'}`, { code: 'invitation_closed' });
    }
    return invitation;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.invitationTtlHours * 3600_000);
  }
}
