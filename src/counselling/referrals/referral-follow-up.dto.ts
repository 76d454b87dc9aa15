import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { REFERRAL_STATUSES, TARGET_REFERRAL_STATUSES, type ReferralStatus, type TargetReferralStatus } from './referral-status-machine';
import { ExpectedVersion } from '../../common/version.decorator';

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

  @ExpectedVersion('referral')
  version?: number;
}
