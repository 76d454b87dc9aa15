import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PlansService } from '../plans/plans.service';
import type { AccessClaims } from './auth.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly plans: PlansService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * The token proves who is calling; what they may do is read from the account on every request
   * (one primary-key lookup), so a deactivated user or a changed role takes effect at once.
   */
  async validate(claims: AccessClaims) {
    const user = await this.plans.findActiveUser(claims.sub);
    if (!user) throw new UnauthorizedException('The account is no longer active');
    return { userId: user.id, role: user.role, planId: user.planId, organisationId: user.organisationId };
  }
}
