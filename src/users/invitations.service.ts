import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { AuditWriter } from '../audit/audit-writer';
import { hashPassword } from '../auth/passwords';
import { passwordProblems } from '../auth/password-policy';
import { Conflict, InvalidInput, NotFound, Unauthenticated } from '../common/domain-errors';
import { paginate } from '../common/pagination';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../jobs/outbox';
import { OutboxRelay } from '../jobs/outbox-relay';
import { INVITATION_MAIL_QUEUE, JOBS } from '../jobs/queues';
import { MailService } from '../mail/mail.service';
import { PlansService } from '../plans/plans.service';
import type { CreateUserDto, InvitationQuery } from './dto/user.dto';
import { Invitation, invitationStatus } from './invitation.entity';
import { alreadyHasAccountMail, invitationMail } from './invitation-mail';
import { User } from './user.entity';
import { invitationView } from './user-views';

const USER_MANAGEMENT = 'user_management';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditWriter,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly mail: MailService,
    private readonly plans: PlansService,
  ) {}

  /** Called by UsersService inside its transaction, after the plan, role and organisation are checked. */
  async invite(manager: EntityManager, actor: Actor, planId: string, dto: CreateUserDto) {
    const email = dto.email.toLowerCase();
    const member = await manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email AND u.plan_id = :planId', { email, planId }).getExists();
    if (member) throw new Conflict('A user of this plan has this e-mail', { code: 'email_in_use' });
    const pending = await manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.plan_id = :planId AND lower(i.email) = :email AND i.accepted_at IS NULL AND i.revoked_at IS NULL', { planId, email })
      .getOne();
    if (pending) {
      throw new Conflict('This e-mail already has an open invitation to the plan; send it again instead', { code: 'invitation_pending', extra: { invitationId: pending.id } });
    }
    const repo = manager.getRepository(Invitation);
    const invitation = await repo.save(
      repo.create({ planId, email, name: dto.name, role: dto.role, organisationId: dto.organisationId ?? null, expiresAt: this.expiry(), invitedBy: actor.userId }),
    );
    await this.send(manager, invitation);
    await this.audit.record({ ...actor, planId }, { action: 'user.invited', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: invitation.id }, manager);
    return invitationView(invitation);
  }

  async list(actor: Actor, query: InvitationQuery) {
    const { planId } = requirePlan(actor);
    const qb = this.dataSource.getRepository(Invitation).createQueryBuilder('i').where('i.plan_id = :planId', { planId });
    if (query.status === 'pending') qb.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()');
    if (query.status === 'expired') qb.andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()');
    if (query.status === 'accepted') qb.andWhere('i.accepted_at IS NOT NULL');
    if (query.status === 'revoked') qb.andWhere('i.revoked_at IS NOT NULL');
    return paginate(qb, query, 'i.created_at', 'i.id', invitationView, (i) => ({ at: i.createdAt, id: i.id }));
  }

  /** A new link (the old one stops working) and a new expiry, for an invitation not yet accepted or revoked. */
  async resend(actor: Actor, id: string) {
    return this.uow.run(async (manager) => {
      const invitation = await this.lockOpen(manager, actor, id);
      invitation.expiresAt = this.expiry();
      invitation.tokenHash = null;
      await manager.update(Invitation, { id }, { expiresAt: invitation.expiresAt, tokenHash: null, sentAt: null });
      await this.send(manager, invitation);
      await this.audit.record({ ...actor, planId: invitation.planId }, { action: 'user.invitation_resent', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: id }, manager);
      return invitationView({ ...invitation, sentAt: null });
    });
  }

  async revoke(actor: Actor, id: string) {
    return this.uow.run(async (manager) => {
      const invitation = await this.lockOpen(manager, actor, id);
      const revokedAt = new Date();
      await manager.update(Invitation, { id }, { revokedAt, tokenHash: null });
      await this.audit.record({ ...actor, planId: invitation.planId }, { action: 'user.invitation_revoked', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: id }, manager);
      return invitationView({ ...invitation, revokedAt });
    });
  }

  /**
   * The invitee sets their password: the user is created, the invitation used up. An unknown,
   * used, revoked or expired link answers alike (401), telling a guesser nothing.
   */
  async accept(token: string, password: string, requestId: string): Promise<User> {
    return this.uow.run(async (manager) => {
      const invitation = await manager
        .getRepository(Invitation)
        .createQueryBuilder('i')
        .where('i.token_hash = :hash AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()', { hash: hashToken(token) })
        .setLock('pessimistic_write')
        .getOne();
      if (!invitation) throw new Unauthenticated('The invitation link is not valid: it was used, withdrawn or has expired. Ask for a new invitation.', { code: 'invitation_invalid' });
      const problems = passwordProblems(password, { email: invitation.email, name: invitation.name });
      if (problems.length) throw new InvalidInput(problems, 'weak_password');
      const taken = await manager.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email: invitation.email }).getExists();
      if (taken) throw new Conflict('There is already a user with this e-mail; sign in with it, or ask for an invitation to another address', { code: 'email_in_use' });
      const repo = manager.getRepository(User);
      const user = await repo.save(
        repo.create({
          planId: invitation.planId,
          organisationId: invitation.organisationId,
          email: invitation.email,
          name: invitation.name,
          role: invitation.role,
          passwordHash: await hashPassword(password),
        }),
      );
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date(), userId: user.id, tokenHash: null });
      await this.audit.record(
        { userId: user.id, role: user.role, planId: user.planId, requestId },
        [
          { action: 'user.invitation_accepted', purpose: USER_MANAGEMENT, entityType: 'invitation', entityId: invitation.id },
          { action: 'user.created', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id },
        ],
        manager,
      );
      return user;
    });
  }

  /**
   * The worker's part: a fresh token, its hash stored, and the e-mail sent. Idempotent enough: a
   * retried job sends a new link, and only the newest works. Nothing for an invitation that is no
   * longer open.
   */
  async deliver(invitationId: string): Promise<'sent' | 'already_has_account' | 'not_open'> {
    const invitation = await this.dataSource.getRepository(Invitation).findOneBy({ id: invitationId });
    if (!invitation || invitationStatus(invitation) !== 'pending') return 'not_open';
    const plan = await this.plans.getPlan(invitation.planId);
    const hasAccount = await this.dataSource.getRepository(User).createQueryBuilder('u').where('lower(u.email) = :email', { email: invitation.email }).getExists();
    if (hasAccount) {
      await this.mail.send(alreadyHasAccountMail(invitation, plan.name));
      await this.dataSource.getRepository(Invitation).update({ id: invitationId }, { sentAt: new Date() });
      return 'already_has_account';
    }
    const token = randomBytes(32).toString('base64url');
    const updated = await this.dataSource.query(
      `UPDATE invitations SET token_hash = $2, sent_at = now() WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [invitationId, hashToken(token)],
    );
    if (!updated[0]?.length) return 'not_open';
    await this.mail.send(invitationMail(invitation, plan.name, `${this.config.publicUrl}/set-password#token=${token}`, invitation.expiresAt));
    this.logger.log({ invitationId }, 'invitation e-mail sent');
    return 'sent';
  }

  private async send(manager: EntityManager, invitation: Invitation): Promise<void> {
    await this.outbox.enqueue(manager, INVITATION_MAIL_QUEUE, JOBS.sendInvitation, { invitationId: invitation.id });
    this.uow.afterCommit(() => this.relay.tick());
  }

  /** The leader reaches their own plan's invitations; the platform admin any plan's. */
  private async lockOpen(manager: EntityManager, actor: Actor, id: string): Promise<Invitation> {
    const qb = manager.getRepository(Invitation).createQueryBuilder('i').where('i.id = :id', { id }).setLock('pessimistic_write');
    if (actor.role !== 'admin') qb.andWhere('i.plan_id = :planId', { planId: requirePlan(actor).planId });
    const invitation = await qb.getOne();
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
