import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UsersModule } from '../users/users.module';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthController } from './auth.controller';
import { BrowserSessionController } from './browser-session/browser-session.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { AccountNoticeProcessor } from './account-notices/account-notice.processor';
import { AccountNotices } from './account-notices/account-notices';
import { MfaPolicyAnnouncement } from './mfa/mfa-policy-announcement';
import { Enrollers } from './mfa/enroller';
import { MfaChallenges } from './mfa/mfa-challenges';
import { MfaFactorsRepository } from './mfa/mfa-factors.repository';
import { MfaLockouts } from './mfa/mfa-lockouts';
import { MfaUserStateRepository } from './mfa/mfa-user-state.repository';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { PasskeysController } from './mfa/passkeys.controller';
import { PasskeysRepository } from './mfa/passkeys.repository';
import { PasskeysService } from './mfa/passkeys.service';
import { TotpService } from './mfa/totp.service';
import { StepUpController } from './step-up/step-up.controller';
import { StepUpService } from './step-up/step-up.service';
import { ProviderLogouts } from './provider-logouts';
import { SignInService } from './sign-in.service';
import { TokenIssuer } from './token-issuer';
import { jwtKey } from './jwt-key';

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([RefreshToken]),
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: jwtKey(config), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, MfaController, PasskeysController, StepUpController, BrowserSessionController],
  providers: [
    AuthService,
    RefreshTokensRepository,
    JwtStrategy,
    LoginThrottle,
    AccessTokenVerifier,
    TokenIssuer,
    SignInService,
    MfaChallenges,
    MfaFactorsRepository,
    MfaService,
    TotpService,
    Enrollers,
    PasskeysRepository,
    PasskeysService,
    MfaUserStateRepository,
    MfaLockouts,
    AccountNotices,
    AccountNoticeProcessor,
    MfaPolicyAnnouncement,
    ProviderLogouts,
    StepUpService,
  ],
  exports: [AccessTokenVerifier, SignInService, MfaChallenges, LoginThrottle, AuthService, ProviderLogouts],
})
export class AuthModule {}
