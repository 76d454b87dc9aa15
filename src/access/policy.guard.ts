import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DependencyUnavailable, Unauthenticated } from '../common/domain-errors';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './allow.decorator';
import type { Role } from './roles';
import { STEP_UP, StepUpPolicy, type Authentication } from './step-up';

const JwtAuthGuard = AuthGuard('jwt');

/** The single gate every request passes: public, or authenticated with a role the route allows (and, for the most sensitive reads, recently: step-up). */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly jwt = new JwtAuthGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly stepUp: StepUpPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed || allowed.length === 0) {
      throw new ForbiddenException('This route declares no access policy and is refused');
    }
    try {
      await this.jwt.canActivate(context);
    } catch (error) {
      // An unreachable database is not a bad token: 503, so clients keep their sessions and retry.
      if (error instanceof DependencyUnavailable) throw error;
      if (error instanceof Unauthenticated) throw error;
      throw new UnauthorizedException({ message: 'A valid access token is required', code: 'unauthenticated' });
    }
    const user = context.switchToHttp().getRequest<{ user?: Authentication }>().user;
    if (!user || !allowed.includes(user.role)) {
      throw new ForbiddenException('Your role may not do this');
    }
    if (this.reflector.getAllAndOverride<boolean>(STEP_UP, targets)) this.stepUp.assertSteppedUp(user);
    return true;
  }
}
