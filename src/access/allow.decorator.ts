import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from '../api-docs/public-operation';
import type { ProblemCode } from '../common/problem-code';
import type { Role } from './roles';


export const ALLOWED_ROLES = 'access:allowedRoles';
export const PUBLIC_ROUTE = 'access:public';
export const REFUSAL = 'access:refusal';
/**
 * Declares which roles may call a route. Every route must carry this or @Public();
 * the policy guard refuses a route that declares neither (deny by default).
 * The bearer token it needs is the document's global security requirement (src/api-docs).
 */
export const Allow = (...roles: [Role, ...Role[]]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiUnauthorizedResponse({ description: 'No or bad access token' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }),
  );

/** Declares a route callable without a token (login, refresh, health); the API document says so too. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/**
 * The refusal (403) a role outside @Allow gets on this route instead of the generic `forbidden`:
 * a code whose sentence says who may do it, for routes a person reaches by mistake (a leader
 * adding a housing area, which only the platform admin provisions).
 */
export const RefuseOthersWith = (refusal: { code: ProblemCode; detail: string }) =>
  applyDecorators(SetMetadata(REFUSAL, refusal), ApiForbiddenResponse({ description: `\`${refusal.code}\`: ${refusal.detail}` }));
