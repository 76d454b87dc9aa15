import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_STATUSES, TARGET_REFERRAL_STATUSES, type ReferralStatus, type TargetReferralStatus } from './referral-status-machine';

const WITHHELD = 'null when free text is not shared with you (`freeTextShared: false`)';
const NOTE_WITHHELD = 'null when free text is not shared with you (`freeTextShared: false`), unless you or your organisation wrote it';

export class ReferralStatusChangeResponse {
  @ApiProperty({ enum: REFERRAL_STATUSES }) from: ReferralStatus;
  @ApiProperty({ enum: TARGET_REFERRAL_STATUSES }) to: TargetReferralStatus;
  @ApiProperty({ type: String, nullable: true, description: NOTE_WITHHELD }) note: string | null;
  @ApiProperty({ format: 'uuid' }) changedBy: string;
  @ApiProperty({ type: String, nullable: true, example: 'Jonas Jobcenter', description: 'Who changed it; null if their account is gone from the plan' }) changedByName: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: Date;
}

/** A referral as its follow-up sees it: where it stands and how it got there. */
export class ReferralFollowUpResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The counselling case the referral was sent from' }) caseId: string;
  @ApiProperty({ type: String, nullable: true, example: 'employment', description: 'The case\'s topic; null only if the case is out of your reach' }) caseTopic: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Beskæftigelse', description: 'The topic in Danish' }) caseTopicLabel: string | null;
  @ApiProperty({ type: String, enum: ['open', 'closed'], nullable: true }) caseStatus: 'open' | 'closed' | null;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ example: 'Helle Jensen', description: 'The resident\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The receiving organisation, when it is one of the plan\'s' }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Center for Beskæftigelse og Erhverv' }) organisationName: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) recipientName: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) referredAt: Date;
  @ApiProperty({ format: 'uuid', description: 'The counsellor who referred' }) recordedBy: string;
  @ApiProperty({ type: String, nullable: true, example: 'Camilla Rådgiver' }) recordedByName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Åben Rådgivning', description: 'The organisation the referring counsellor works for, if the plan records one' }) recordedByOrganisationName: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the status last changed; null while it is `sent`' }) statusChangedAt: Date | null;
  @ApiProperty({ type: 'integer', description: 'Send it with a status change; a stale one answers 409 `stale_version`' }) version: number;
  @ApiProperty({ description: 'Whether the reason, recipient name and others\' notes are shown to you (your own organisation\'s notes always are)' }) freeTextShared: boolean;
  @ApiProperty({ type: [ReferralStatusChangeResponse], description: 'Every status change, oldest first' }) history: ReferralStatusChangeResponse[];
}

export class ReferralFollowUpPage {
  @ApiProperty({ type: [ReferralFollowUpResponse] }) items: ReferralFollowUpResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
