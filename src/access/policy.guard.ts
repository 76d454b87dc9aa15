import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './allow.decorator';
import type { Role } from './roles';

const JwtAuthGuard = AuthGuard('jwt');

/** The single gate every request passes: public, or authenticated with a role the route allows. */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly jwt = new JwtAuthGuard();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed || allowed.length === 0) {
      throw new ForbiddenException('This route declares no access policy and is refused');
    }
    try {
      await this.jwt.canActivate(context);
    } catch {
      throw new UnauthorizedException('A valid access token is required');
    }
    const user = context.switchToHttp().getRequest<{ user?: { role: Role } }>().user;
    if (!user || !allowed.includes(user.role)) {
      throw new ForbiddenException('Your role may not do this');
    }
    return true;
  }
}
