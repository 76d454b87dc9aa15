import { ApiProperty } from '@nestjs/swagger';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../employer-status';
import { SECTORS, type Sector } from '../entities/employer.entity';
import { NetworkMembershipResponse } from './register-response.dto';

export class EmployerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Netto Ishøj Bycenter' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '10150817', description: '8 digits' }) cvr: string | null;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ enum: EMPLOYER_STATUSES, description: 'prospect → contacted (by itself when a contact is logged) → cooperating (by itself when an agreement is recorded); inactive by hand' }) status: EmployerStatus;
  @ApiProperty({ type: 'integer', example: 1, description: 'Send it back with a change (PATCH); 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class AgreementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ format: 'date' }) signedAt: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null: until further notice' }) validTo: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
  @ApiProperty({ description: 'Whether the agreement covers today (Europe/Copenhagen)' }) active: boolean;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** An employer in the register's list: with whether it is in the plan's network today. */
export class EmployerListItem extends EmployerResponse {
  @ApiProperty({ description: 'In the plan\'s employer network today (Europe/Copenhagen)' }) networkMember: boolean;
}

export class EmployerDetailsResponse extends EmployerListItem {
  @ApiProperty({ type: [AgreementResponse] }) agreements: AgreementResponse[];
  @ApiProperty({ type: [NetworkMembershipResponse], description: 'Its periods in the plan\'s employer network, oldest first' }) network: NetworkMembershipResponse[];
  @ApiProperty({ description: 'How many activity sessions (network meetings) the employer came to' }) meetingsAttended: number;
}

export class EmployerPage {
  @ApiProperty({ type: [EmployerListItem] }) items: EmployerListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
