import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DependencyUnavailable, Unauthenticated } from '../common/domain-errors';
import { ALLOWED_ROLES, PUBLIC_ROUTE, REFUSAL } from './allow.decorator';
import { roleNotAllowed } from './policy-refusals';
import type { Role } from './roles';
import { isUncheckedCaller, markSessionCheckedByWrite, SESSION_CHECKED_BY_WRITE, type UncheckedCallerClaims } from './session-checked-write';
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
    const request = context.switchToHttp().getRequest<{ user?: Authentication | UncheckedCallerClaims }>();
    const byWrite = this.reflector.getAllAndOverride<boolean>(SESSION_CHECKED_BY_WRITE, targets) === true;
    const stepUp = this.reflector.getAllAndOverride<boolean>(STEP_UP, targets) === true;
    if (byWrite && stepUp) throw new Error('A route that requires step-up reads the session in the guard; it cannot leave the session check to its write');
    if (byWrite) markSessionCheckedByWrite(request, allowed);
    try {
      await this.jwt.canActivate(context);
    } catch (error) {
      // An unreachable database is not a bad token: 503, so clients keep their sessions and retry.
      if (error instanceof DependencyUnavailable) throw error;
      if (error instanceof Unauthenticated) throw error;
      throw new UnauthorizedException({ message: 'A valid access token is required', code: 'unauthenticated' });
    }
    const user = request.user;
    const role = isUncheckedCaller(user) ? user.claimedRole : user?.role;
    if (!user || !role || !allowed.includes(role)) throw roleNotAllowed(this.reflector.getAllAndOverride<{ code: string; detail: string } | undefined>(REFUSAL, targets));
    if (stepUp && !isUncheckedCaller(user)) this.stepUp.assertSteppedUp(user);
    return true;
  }
}
