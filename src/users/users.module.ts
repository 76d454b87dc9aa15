import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { InvitationMailProcessor } from './invitation-mail.processor';
import { Invitation } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { Session } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { SetPasswordPageController } from './set-password-page.controller';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** The people who sign in: users, invitations and sessions. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Invitation, Session]), PlansModule],
  controllers: [UsersController, SetPasswordPageController],
  providers: [UsersService, InvitationsService, UsersRepository, InvitationsRepository, SessionsRepository, InvitationMailProcessor],
  exports: [UsersService, InvitationsService, UsersRepository, SessionsRepository],
})
export class UsersModule {}
