import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CONSENT_SCOPES, type ConsentScope } from '../consent.entity';
import type { ConsentStatus } from '../consent-state';

const STATUSES: ConsentStatus[] = ['pending', 'active', 'withdrawn', 'expired'];

/** A withdrawal without its reason (free text about the resident): what the list of consents shows (issue 20). */
export class ConsentWithdrawalSummary {
  @ApiProperty({ format: 'date-time' }) withdrawnAt: Date;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
}

export class ConsentWithdrawalResponse extends ConsentWithdrawalSummary {
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class ConsentEventResponse {
  @ApiProperty({ enum: ['given', 'withdrawn', 'expired'] }) event: 'given' | 'withdrawn' | 'expired';
  @ApiProperty({ format: 'date-time' }) at: Date;
}

/** A consent as given, with its status and history derived from the ledger. */
export class ConsentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ enum: CONSENT_SCOPES }) scope: ConsentScope;
  @ApiProperty({ type: [String], format: 'uuid' }) recipientOrganisationIds: string[];
  @ApiProperty({ enum: ['resident', 'guardian'] }) givenBy: 'resident' | 'guardian';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) guardianId: string | null;
  @ApiProperty({ enum: ['oral', 'written'] }) form: 'oral' | 'written';
  @ApiProperty({ format: 'date-time' }) givenAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) documentReference: string | null;
  @ApiProperty() includesNotes: boolean;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ enum: STATUSES }) status: ConsentStatus;
  @ApiProperty({ type: ConsentWithdrawalResponse, nullable: true }) withdrawal: ConsentWithdrawalResponse | null;
  @ApiProperty({ type: [ConsentEventResponse] }) history: ConsentEventResponse[];
}

/**
 * A consent in a list: the withdrawal without its reason, which only the resident's copy (GET
 * /residents/:id/export, step-up) and the answer to the withdrawal itself carry.
 */
export class ConsentListItem extends OmitType(ConsentResponse, ['withdrawal'] as const) {
  @ApiProperty({ type: ConsentWithdrawalSummary, nullable: true }) withdrawal: ConsentWithdrawalSummary | null;
}

export class ConsentPage {
  @ApiProperty({ type: [ConsentListItem] }) items: ConsentListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
