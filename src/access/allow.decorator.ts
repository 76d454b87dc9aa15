import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from './roles';

export const ALLOWED_ROLES = 'access:allowedRoles';
export const PUBLIC_ROUTE = 'access:public';

/**
 * Declares which roles may call a route. Every route must carry this or @Public();
 * the policy guard refuses a route that declares neither (deny by default).
 */
export const Allow = (...roles: [Role, ...Role[]]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or bad access token' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }),
  );

/** Declares a route callable without a token (login, refresh, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
