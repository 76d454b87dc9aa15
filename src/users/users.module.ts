import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { InvitationMailProcessor } from './invitation-mail.processor';
import { Invitation } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { Session } from './session.entity';
import { User } from './user.entity';
import { UserSessions } from './user-sessions';
import { SetPasswordPageController } from './set-password-page.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** The people who sign in: users, invitations and sessions. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Invitation, Session]), PlansModule],
  controllers: [UsersController, SetPasswordPageController],
  providers: [UsersService, InvitationsService, UserSessions, InvitationMailProcessor],
  exports: [UsersService, InvitationsService, UserSessions],
})
export class UsersModule {}
