import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPARTMENTS, type Compartment } from '../../access/roles';
import { GUARDIAN_RELATIONS, type GuardianRelation } from '../guardian.entity';
import { GENDERS, type Gender } from '../resident.entity';

export class GuardianResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ example: 'Fatima Hassan' }) name: string;
  @ApiProperty({ enum: GUARDIAN_RELATIONS }) relation: GuardianRelation;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

/** A resident as the caller may see them: identity fields for named residents, a pseudonym for anonymous ones. */
export class ResidentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) housingAreaId: string;
  @ApiProperty({ enum: COMPARTMENTS }) compartment: Compartment;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 1978 }) birthYear: number | null;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ description: 'Send it back with PATCH; a stale one answers 409 `stale_version`' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'K7M4PX', description: 'Anonymous residents only' }) pseudonym?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Named residents only' }) firstName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Named residents only' }) lastName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'Named residents only' }) birthDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Named residents only' }) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Named residents only' }) email?: string | null;
}

export class ResidentDetailResponse extends ResidentResponse {
  @ApiPropertyOptional({ type: [GuardianResponse], description: 'Only for the compartment that keeps the record' }) guardians?: GuardianResponse[];
}

export class ResidentPage {
  @ApiProperty({ type: [ResidentResponse] }) items: ResidentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
