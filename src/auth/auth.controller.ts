import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, Public } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { ROLES } from '../access/roles';
import { AuthService } from './auth.service';
import { LoginDto, MeView, RefreshDto, TokenPairView } from './dto/auth.dto';

@ApiTags('Auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this account or address' })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.email, dto.password, request.ip);
  }

  /** Exchanges a refresh token for a new pair; the old refresh token stops working. */
  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, used or revoked refresh token' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is ended' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @Allow(...ROLES)
  @ApiOkResponse({ type: MeView })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.userId);
  }
}
