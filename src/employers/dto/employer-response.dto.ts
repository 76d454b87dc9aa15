import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, type Sector } from '../entities/employer.entity';

export class EmployerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Netto Ishøj Bycenter' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '10150817', description: '8 digits' }) cvr: string | null;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
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

export class EmployerDetailsResponse extends EmployerResponse {
  @ApiProperty({ type: [AgreementResponse] }) agreements: AgreementResponse[];
}

export class EmployerPage {
  @ApiProperty({ type: [EmployerResponse] }) items: EmployerResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
