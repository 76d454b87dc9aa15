import { ApiProperty } from '@nestjs/swagger';

export const REMINDER_KINDS = ['evaluation_due', 'consent_expiring', 'participation_consent_withdrawn'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: ReminderKind;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Amira Hassan', description: "The resident's name, or pseudonym if anonymous" }) residentName: string | null;
  @ApiProperty({ example: 'job_programme', description: 'What the reminder is about: `job_programme` or `consent`' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ description: 'In Danish, for the counsellor or social worker' }) message: string;
}

export class ReminderList {
  @ApiProperty({ type: [ReminderResponse] }) items: ReminderResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list is what is due now' }) nextCursor: string | null;
}
