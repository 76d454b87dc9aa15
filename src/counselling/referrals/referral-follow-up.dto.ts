import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { REFERRAL_STATUSES, TARGET_REFERRAL_STATUSES, type ReferralStatus, type TargetReferralStatus } from './referral-status-machine';

export class ReferralQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, example: 'sent', description: 'Only referrals with this status, e.g. `sent`: those still waiting for an answer' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
}

export class ChangeReferralStatusDto {
  @ApiProperty({
    enum: TARGET_REFERRAL_STATUSES,
    example: 'accepted',
    description: 'The receiving organisation\'s caseworker accepts, rejects or completes; a counsellor revokes. sent → accepted | rejected | revoked; accepted → completed | revoked',
  })
  @IsIn(TARGET_REFERRAL_STATUSES)
  status: TargetReferralStatus;

  @ApiPropertyOptional({ example: 'Samtale aftalt 12. marts', description: 'Why, in a few words; free text about the resident, erased with their data' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string;

  @ApiPropertyOptional({ example: 1, description: 'The referral\'s `version` as you read it; a referral changed since answers 409 `stale_version`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version?: number;
}
