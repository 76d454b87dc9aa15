import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_STATUSES, TARGET_REFERRAL_STATUSES, type ReferralStatus, type TargetReferralStatus } from './referral-status-machine';

const WITHHELD = 'null when free text is not shared with you (`freeTextShared: false`)';

export class ReferralStatusChangeResponse {
  @ApiProperty({ enum: REFERRAL_STATUSES }) from: ReferralStatus;
  @ApiProperty({ enum: TARGET_REFERRAL_STATUSES }) to: TargetReferralStatus;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) note: string | null;
  @ApiProperty({ format: 'uuid' }) changedBy: string;
  @ApiProperty({ format: 'date-time' }) changedAt: Date;
}

/** A referral as its follow-up sees it: where it stands and how it got there. */
export class ReferralFollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ example: 'Helle Jensen', description: 'The resident\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) recipientName: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) referredAt: Date;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the status last changed; null while it is `sent`' }) statusChangedAt: Date | null;
  @ApiProperty({ type: 'integer', description: 'Send it with a status change; a stale one answers 409 `stale_version`' }) version: number;
  @ApiProperty({ description: 'Whether the reason, recipient name and notes are shown to you' }) freeTextShared: boolean;
  @ApiProperty({ type: [ReferralStatusChangeResponse], description: 'Every status change, oldest first' }) history: ReferralStatusChangeResponse[];
}

export class ReferralFollowUpPage {
  @ApiProperty({ type: [ReferralFollowUpResponse] }) items: ReferralFollowUpResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
