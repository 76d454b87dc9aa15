import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanRole } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import { AMR } from '../auth/authentication-methods';
import type { SignInResponse } from '../auth/dto/auth-response.dto';
import { signInDetails, type FirstFactorProof } from '../auth/sign-in-audit';
import { AUTHENTICATION, SignInService, type RequestOrigin, type SigningInUser } from '../auth/sign-in.service';
import { DomainError, NotFound, Unauthenticated } from '../common/domain-errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { PlanSettingsService } from '../plans/plan-settings.service';
import { PlansService } from '../plans/plans.service';
import { InvitationsService } from '../users/invitations.service';
import { RoleGrantsService } from '../users/role-grants.service';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { USER_MANAGEMENT } from '../users/users.service';
import { ExternalIdentitiesRepository } from './external-identities.repository';
import type { SsoAssertion } from './sso-assertion';
import { ssoRefusal } from './sso-errors';
import type { SsoMembership } from './sso-provider-config';
import { chooseRole, isRefused, joiningRoute, linkedAccountDecision, newAccountProblem, usableEmail } from './sso-rules';
import type { SsoState } from './sso-states';

/** What the audit log's sign-in details keep of an assertion beside the provider: how, at which level, and the IdP's message id. */
function auditedProof(assertion: SsoAssertion): Pick<FirstFactorProof, 'method' | 'nsisLevel' | 'idpMessageId'> {
  return {
    method: assertion.provider.kind,
    ...(assertion.nsisLevel ? { nsisLevel: assertion.nsisLevel } : {}),
    ...(assertion.idpMessageId ? { idpMessageId: assertion.idpMessageId } : {}),
  };
}

/** What is known of the person so far, so that a refusal is audited where the plan's leader sees it. */
interface Known {
  planId: string | null;
  userId: string | null;
}

/**
 * Turns what a provider proved (an SsoAssertion, OIDC or SAML alike) into a user of ours and a
 * sign-in: the linked account, or a new one linked by invitation or the provider's membership
 * mapping (rules in sso-rules.ts). The sign-in then goes through SignInService like a password's,
 * so a second factor is asked for unless the provider asserted one.
 */
@Injectable()
export class SsoSignInService {
  constructor(
    private readonly identities: ExternalIdentitiesRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsService,
    private readonly plans: PlansService,
    private readonly settings: PlanSettingsService,
    private readonly grants: RoleGrantsService,
    private readonly signIn: SignInService,
    private readonly audit: AuditWriter,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async complete(assertion: SsoAssertion, state: SsoState, origin: RequestOrigin): Promise<SignInResponse> {
    const known: Known = { planId: assertion.membership?.planId ?? null, userId: null };
    try {
      return await this.uow.run(async (manager) => {
        const linked = await this.identities.findByIssuerSubject(manager, assertion.issuer, assertion.subject);
        const chosen = chooseRole(assertion.roles);
        let user: SigningInUser;
        let identityId: string;
        if (linked && state.linkUserId && linked.userId !== state.linkUserId) {
          throw ssoRefusal('sso_identity_in_use');
        } else if (!linked && state.linkUserId) {
          // A signed-in user linking their own account (POST /auth/sso/:provider/link): the provider's role still decides.
          user = await this.signInLinked(manager, state.linkUserId, chosen, known, origin);
          if (assertion.membership && assertion.membership.planId !== user.planId) throw ssoRefusal('sso_other_plan');
          identityId = (await this.identities.link(manager, { userId: user.id, providerId: assertion.provider.id, issuer: assertion.issuer, subject: assertion.subject })).id;
          await this.audit.record(this.as(user, origin), { action: 'user.sso_linked', purpose: USER_MANAGEMENT, entityType: 'external_identity', entityId: identityId }, manager);
          await this.removeLocalPassword(manager, user, origin);
        } else if (linked) {
          user = await this.signInLinked(manager, linked.userId, chosen, known, origin);
          identityId = linked.id;
          await this.identities.signedIn(manager, linked.id);
          await this.removeLocalPassword(manager, user, origin);
        } else {
          if (isRefused(chosen)) throw ssoRefusal(chosen.refused);
          user = await this.join(manager, assertion, chosen.role, state, known, origin);
          identityId = (await this.identities.link(manager, { userId: user.id, providerId: assertion.provider.id, issuer: assertion.issuer, subject: assertion.subject })).id;
          await this.audit.record(this.as(user, origin), { action: 'user.sso_linked', purpose: USER_MANAGEMENT, entityType: 'external_identity', entityId: identityId }, manager);
        }
        const secondFactor = assertion.multiFactorByPolicy ? AMR.providerPolicy : AMR.providerMfa;
        const amr = assertion.multiFactor ? [AMR.federated, secondFactor] : [AMR.federated];
        if (assertion.multiFactor && assertion.multiFactorByPolicy) {
          // A trust decision the leader should be able to see, sign-in by sign-in: MFA taken on the operator's word.
          await this.audit.record(this.as(user, origin), { action: 'auth.sso_mfa_by_provider_policy', purpose: AUTHENTICATION, entityType: 'external_identity', entityId: identityId }, manager);
        }
        const now = new Date();
        // The provider's own time of authentication, so a session it reused from this morning does not pass step-up; never later than now.
        const authenticatedAt = assertion.authenticatedAt && assertion.authenticatedAt < now ? assertion.authenticatedAt : now;
        const proof: FirstFactorProof = {
          amr,
          authenticatedAt,
          provider: assertion.provider.id,
          expiresAt: new Date(now.getTime() + this.config.ssoSessionHours * 3600_000),
          ...auditedProof(assertion),
          ...(assertion.providerSession ? { sso: assertion.providerSession } : {}),
        };
        const details = signInDetails(origin, { method: assertion.provider.kind, outcome: 'succeeded', amr }, proof);
        await this.audit.record(this.as(user, origin), { action: 'auth.sso_authenticated', purpose: AUTHENTICATION, entityType: 'external_identity', entityId: identityId, details }, manager);
        return this.signIn.firstFactorProved(user, proof, origin, manager);
      });
    } catch (error) {
      // The refusal is written after the failed transaction rolled back, or it would roll back with it.
      if (error instanceof DomainError) await this.refused(error, assertion, known, origin);
      throw error;
    }
  }

  /**
   * A linked account: it must be active (or waiting for its approval), and the provider's role
   * (re-read at every sign-in) is asked for as a leader's change would be (RoleGrantsService): where
   * it reads a compartment's notes it waits for a second person, and the person signs in as they are.
   */
  private async signInLinked(manager: EntityManager, userId: string, chosen: ReturnType<typeof chooseRole>, known: Known, origin: RequestOrigin): Promise<SigningInUser> {
    const user = (await this.users.lockById(manager, userId)) as User;
    known.planId = user.planId;
    known.userId = user.id;
    const awaitingApproval = !user.active && (await this.users.awaitsApproval(manager, user.id));
    const decision = linkedAccountDecision({ role: user.role, active: user.active || awaitingApproval }, chosen);
    if (isRefused(decision)) throw ssoRefusal(decision.refused);
    const requester = { actor: this.as(user, origin), kind: 'provider' as const };
    const { user: now } = await this.grants.change(manager, requester, user, { role: decision.role, active: true });
    return { id: now.id, role: now.role, planId: now.planId, awaitingApproval: !now.active };
  }

  /** A linked account loses its local password, unless its plan keeps them (plan setting `ssoKeepsLocalPassword`): a leaver disabled at the provider is out. */
  private async removeLocalPassword(manager: EntityManager, user: SigningInUser, origin: RequestOrigin): Promise<void> {
    if (!user.planId || (await this.settings.settingsOf(user.planId, manager)).ssoKeepsLocalPassword) return;
    if (await this.users.removePassword(manager, user.id)) {
      await this.audit.record(this.as(user, origin), { action: 'user.password_removed', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id }, manager);
    }
  }

  /** A person not yet linked joins by their invitation, or by the provider's membership mapping (just in time). */
  private async join(manager: EntityManager, assertion: SsoAssertion, role: PlanRole, state: SsoState, known: Known, origin: RequestOrigin): Promise<SigningInUser> {
    const route = joiningRoute({ invited: state.invitationToken !== undefined, membership: assertion.membership });
    if (isRefused(route)) throw ssoRefusal(route.refused);
    if (route.via === 'invitation') {
      const invitation = await this.invitations.findUsableForSingleSignOn(manager, state.invitationToken as string);
      if (!invitation) throw new Unauthenticated('The invitation link is not valid: it was used, withdrawn or has expired. Ask for a new invitation.', { code: 'invitation_invalid' });
      known.planId = invitation.planId;
      await this.checkNewAccount(manager, role, { planId: invitation.planId, organisationId: invitation.organisationId }, invitation.email);
      const name = assertion.name?.trim() || invitation.name;
      const user = await this.invitations.createInvitee(manager, invitation, { passwordHash: null, role, name }, origin.requestId);
      return { id: user.id, role: user.role, planId: user.planId, awaitingApproval: user.awaitingApproval };
    }
    const membership = assertion.membership as SsoMembership;
    const email = usableEmail(assertion.email);
    const plan = await this.checkNewAccount(manager, role, membership, email);
    // Nobody asked for this account but the provider: a role that reads a compartment's notes waits for a second person here.
    const requester = { actor: { userId: null, role: null, planId: plan.id, requestId: origin.requestId }, kind: 'provider' as const };
    const awaitingApproval = await this.grants.newAccountWaits(manager, plan.id, role, requester);
    const name = assertion.name?.trim() || (email as string);
    const user = await this.users.insert(manager, { planId: plan.id, organisationId: membership.organisationId, email: email as string, name, role, passwordHash: null, active: !awaitingApproval });
    await this.audit.record(this.as(user, origin), { action: 'user.created', purpose: USER_MANAGEMENT, entityType: 'user', entityId: user.id }, manager);
    if (awaitingApproval) await this.grants.fileForNewAccount(manager, { ...requester, actor: this.as(user, origin) }, user, null);
    return { id: user.id, role: user.role, planId: user.planId, awaitingApproval };
  }

  /** The rules for a new account without a password: its plan, when they pass. */
  private async checkNewAccount(manager: EntityManager, role: PlanRole, membership: SsoMembership, email: string | undefined): Promise<{ id: string }> {
    const plan = await this.plans.getPlan(membership.planId, manager).catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    });
    const organisation = membership.organisationId ? await this.plans.findOrganisation(membership.planId, membership.organisationId, manager) : undefined;
    // A mapping to a plan or organisation that does not exist (any more) is the operator's mistake; nobody gets in by it.
    if (!plan || organisation === null) throw ssoRefusal('sso_no_plan');
    const problem = newAccountProblem({ role, organisationKind: organisation?.kind, email, emailTaken: email !== undefined && (await this.users.emailTaken(manager, email)) });
    if (problem) throw ssoRefusal(problem);
    return plan;
  }

  private async refused(error: DomainError, assertion: SsoAssertion, known: Known, origin: RequestOrigin): Promise<void> {
    const proof = { amr: [], authenticatedAt: new Date(), provider: assertion.provider.id, ...auditedProof(assertion) };
    await this.audit.record(
      { userId: null, role: null, planId: known.planId, requestId: origin.requestId },
      {
        action: `auth.sso_refused.${error.code}`,
        purpose: AUTHENTICATION,
        entityType: known.userId ? 'user' : undefined,
        entityId: known.userId,
        details: signInDetails(origin, { method: assertion.provider.kind, outcome: 'refused', reason: error.code }, proof),
      },
    );
  }

  private as(user: SigningInUser, origin: RequestOrigin) {
    return { userId: user.id, role: user.role, planId: user.planId, requestId: origin.requestId };
  }
}
