import { applyDecorators, type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { COOKIE_TRANSPORT, setRefreshCookie, wantsCookieTransport } from './refresh-cookie';

/**
 * On a sign-in answer that hands out tokens, moves the refresh token into the HttpOnly cookie when
 * the browser asked for it (X-Token-Transport: cookie): the body then carries only the access
 * token, which the web app keeps in memory. Answers without a refresh token (a second step, an
 * approval still pending) pass unchanged, as does every request without the header.
 */
@Injectable()
export class TokenTransportInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (!wantsCookieTransport(http.getRequest<FastifyRequest>().headers)) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!body || typeof body !== 'object' || typeof (body as { refreshToken?: unknown }).refreshToken !== 'string') return body;
        const { refreshToken, ...rest } = body as { refreshToken: string };
        void http.getResponse<FastifyReply>().header('Set-Cookie', setRefreshCookie(this.config, refreshToken));
        return rest;
      }),
    );
  }
}

/** Marks a route whose answer may hand out tokens: a browser can take the refresh token as a cookie. */
export const OffersCookieTransport = () =>
  applyDecorators(
    UseInterceptors(TokenTransportInterceptor),
    ApiHeader({
      name: 'X-Token-Transport',
      required: false,
      enum: [COOKIE_TRANSPORT],
      description: `\`${COOKIE_TRANSPORT}\` (browsers): the refresh token comes as the HttpOnly cookie hp_refresh (for POST /auth/session/refresh) and not in the body`,
    }),
  );
