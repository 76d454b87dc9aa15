import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';

/** Single sign-on: OpenID Connect (Entra ID) and OIOSAML 3 (KOMBIT's Context Handler) providers from SSO_PROVIDERS_FILE. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [],
  providers: [],
})
export class SsoModule {}
