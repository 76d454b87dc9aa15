import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { AccountNotices } from './account-notices';
import { AccountsProcessor } from './accounts.processor';
import { InvitationMailProcessor } from './invitation-mail.processor';
import { Invitation } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { PasswordResetLinksRepository } from './password-reset-links.repository';
import { PasswordResetLinks } from './password-reset-links.service';
import { RoleApprovalsService } from './role-approvals.service';
import { RoleGrantsService } from './role-grants.service';
import { RoleRequestsRepository } from './role-requests.repository';
import { Session } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UnusedAccounts } from './unused-accounts.service';
import { UsersService } from './users.service';

/** The people who sign in: users, invitations, sessions, and the approval of grants of roles that read case notes. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Invitation, Session]), PlansModule],
  controllers: [UsersController],
  providers: [
    UsersService,
    InvitationsService,
    UsersRepository,
    InvitationsRepository,
    SessionsRepository,
    InvitationMailProcessor,
    RoleRequestsRepository,
    RoleGrantsService,
    RoleApprovalsService,
    AccountNotices,
    UnusedAccounts,
    AccountsProcessor,
    PasswordResetLinksRepository,
    PasswordResetLinks,
  ],
  exports: [UsersService, InvitationsService, PasswordResetLinks, UsersRepository, SessionsRepository, RoleGrantsService, UnusedAccounts],
})
export class UsersModule {}
