import { ApiProperty } from '@nestjs/swagger';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../outreach-rules';

export class OutreachListSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() source: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: 'integer' }) retentionDays: number;
  @ApiProperty({ format: 'date-time', description: 'When the people and attempts are deleted (or were)' }) retainedUntil: string;
  @ApiProperty({ description: 'true once the names are past the retention: the list takes no more people or attempts' }) expired: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) namesDeletedAt: string | null;
  @ApiProperty({ type: 'integer', description: 'People on the list now (0 after the deletion)' }) peopleCount: number;
  @ApiProperty({ type: 'integer', description: 'Attempts recorded, the deleted ones included' }) attemptCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class OutreachListPage {
  @ApiProperty({ type: [OutreachListSummary] }) items: OutreachListSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OutreachAttemptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiProperty({ enum: ATTEMPT_OUTCOMES }) outcome: AttemptOutcome;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The counselling case opened from this talk' }) caseId: string | null;
}

export class OutreachPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Amira Hassan' }) name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) birthYear: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The resident registered when a case was opened at the door' }) residentId: string | null;
  @ApiProperty({ type: [OutreachAttemptResponse], description: 'Oldest first' }) attempts: OutreachAttemptResponse[];
}

export class OutreachListDetails extends OutreachListSummary {
  @ApiProperty({ type: [OutreachPersonResponse] }) people: OutreachPersonResponse[];
}

/** An attempt as recorded, with the resident and case when one was opened. */
export class RecordedAttemptResponse extends OutreachAttemptResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) residentId: string | null;
}
