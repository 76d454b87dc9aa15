import { Controller, ForbiddenException, Get, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { ALLOWED_ROLES, Allow, Public } from './allow.decorator';
import { PolicyGuard } from './policy.guard';
import { StepUpPolicy } from './step-up';

/** A controller as a careless developer might write it: some routes declare access, some do not. */
@Controller('undeclared')
class UndeclaredController {
  @Get('forgotten')
  forgotten() {
    return 'personal data';
  }

  @Get('empty')
  @SetMetadata(ALLOWED_ROLES, [])
  emptyList() {
    return 'personal data';
  }

  @Get('open')
  @Public()
  open() {
    return 'ok';
  }

  @Get('counsellors')
  @Allow('counsellor')
  counsellorsOnly() {
    return 'cases';
  }
}

@Controller('declared-on-class')
@Allow('leader')
class ClassLevelController {
  @Get()
  overview() {
    return 'aggregates';
  }
}

/** An HTTP execution context for one handler, with a bare request (no Authorization header). */
function contextFor(controller: new () => object, handler: string): ExecutionContextHost {
  const request = { headers: {}, raw: { headers: {} } };
  const context = new ExecutionContextHost([request, {}, () => undefined], controller as never, (controller.prototype as Record<string, () => unknown>)[handler]);
  context.setType('http');
  return context;
}

describe('the policy guard', () => {
  const guard = new PolicyGuard(new Reflector(), new StepUpPolicy({ stepUpMaxAgeSeconds: 900, mfaRequiredRoles: [] }));

  it('refuses a route that declares no access policy, before even looking for a token', async () => {
    await expect(guard.canActivate(contextFor(UndeclaredController, 'forgotten'))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('refuses a route whose list of allowed roles is empty', async () => {
    await expect(guard.canActivate(contextFor(UndeclaredController, 'emptyList'))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('lets anyone call a route declared public', async () => {
    await expect(guard.canActivate(contextFor(UndeclaredController, 'open'))).resolves.toBe(true);
  });

  it('asks for a token on a route declared for some roles', async () => {
    await expect(guard.canActivate(contextFor(UndeclaredController, 'counsellorsOnly'))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('accepts a declaration on the controller for all its routes', async () => {
    await expect(guard.canActivate(contextFor(ClassLevelController, 'overview'))).rejects.toBeInstanceOf(UnauthorizedException);
  });
});
