import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsIP, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';
import { AUDIT_KINDS, type AuditKind } from '../audit-kinds';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from '../sign-in-details';

export class AuditQuery extends PageQuery {
  /** Only events about this resident. */
  @IsOptional()
  @IsUUID()
  residentId?: string;

  /** Only events caused by this user. */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** From this instant (inclusive), ISO 8601. */
  @IsOptional()
  @IsInstant({ searchBound: true })
  from?: Date;

  /** Up to this instant (exclusive), ISO 8601. */
  @IsOptional()
  @IsInstant({ searchBound: true })
  to?: Date;

  /** Admin only: the plan to read; a leader always reads their own plan. */
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ example: 'auth.login_failed', description: 'Only this action, or the family it names: `auth.sso_refused` also finds `auth.sso_refused.sso_no_role`' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { message: 'action must be an action such as auth.login_failed' })
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_KINDS, description: '`sign_in`: sign-ins, failed attempts, second factors, locks, logouts and single sign-on (`auth.*`); `account`: changes to staff accounts and their factors (`user.*`)' })
  @IsOptional()
  @IsIn(AUDIT_KINDS)
  kind?: AuditKind;

  @ApiPropertyOptional({ example: 'kombit', description: 'Sign-in events through this provider: `local` (password and our own second factors) or a single sign-on provider\'s id' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'provider must be `local` or a provider id' })
  provider?: string;

  @ApiPropertyOptional({ enum: SIGN_IN_OUTCOMES, description: 'Sign-in events that ended so' })
  @IsOptional()
  @IsIn(SIGN_IN_OUTCOMES)
  outcome?: SignInOutcome;

  @ApiPropertyOptional({ example: '192.0.2.10', description: 'Sign-in events from this address' })
  @IsOptional()
  @IsIP()
  address?: string;
}
