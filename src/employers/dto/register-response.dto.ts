import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_KINDS, type ContactKind } from '../entities/employer-contact.entity';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../employer-status';

export class EmployerContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiProperty({ enum: CONTACT_KINDS }) kind: ContactKind;
  @ApiProperty({ type: String, nullable: true, description: 'About the employer, at most 500 characters' }) note: string | null;
  @ApiProperty({ format: 'uuid', description: 'Who of the staff was in touch (the user who logged it)' }) recordedBy: string;
  @ApiProperty({ type: String, nullable: true, example: 'Sara Rådgiver', description: 'null if their account is gone from the plan' }) recordedByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** A logged contact with where it left the employer's status: a prospect becomes contacted. */
export class RecordedEmployerContactResponse extends EmployerContactResponse {
  @ApiProperty({ enum: EMPLOYER_STATUSES, description: 'The employer\'s status after the contact' }) employerStatus: EmployerStatus;
  @ApiProperty({ description: 'The employer\'s version after the contact (it changes when the status does)' }) employerVersion: number;
}

export class EmployerContactPage {
  @ApiProperty({ type: [EmployerContactResponse] }) items: EmployerContactResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class NetworkMembershipResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: while it runs' }) to: string | null;
  @ApiProperty({ description: 'Whether the membership covers today (Europe/Copenhagen)' }) current: boolean;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class CsrAwardResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ example: 'Netto Ishøj Bycenter' }) employerName: string;
  @ApiProperty({ type: [String], description: 'The nominated employers\' ids, the winner among them' }) nominees: string[];
  @ApiProperty({ type: [String], description: 'Their names, in the same order' }) nomineeNames: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the employer won: about the employer, at most 500 characters' }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class CsrAwardPage {
  @ApiProperty({ type: [CsrAwardResponse] }) items: CsrAwardResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a plan has one prize a year' }) nextCursor: null;
}
