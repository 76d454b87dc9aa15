import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '../entities/organisation.entity';

export class PlanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Den boligsociale helhedsplan i Ishøj' }) name: string;
  @ApiProperty({ example: 'Ishøj' }) municipality: string;
  @ApiProperty({ format: 'date', example: '2025-11-01' }) validFrom: string;
  @ApiProperty({ format: 'date', example: '2029-10-31' }) validTo: string;
  @ApiProperty({ example: 15, description: 'Below this age only a registered guardian can give consent' }) guardianConsentBelowAge: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Send it back with a change (PATCH); 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class PlanPage {
  @ApiProperty({ type: [PlanResponse] }) items: PlanResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class HousingAreaResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ example: 'Vejleåparken' }) name: string;
  @ApiProperty({ description: 'Youth living here may join the leisure-job programme' }) jobProgrammeEligible: boolean;
  @ApiProperty({ type: 'integer', example: 1, description: 'Send it back with a change (PATCH); 409 `stale_version` when it has moved on' }) version: number;
}

export class HousingAreaPage {
  @ApiProperty({ type: [HousingAreaResponse] }) items: HousingAreaResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ example: 'Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)' }) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty({ type: 'integer', example: 1, description: 'Send it back with a change (PATCH); 409 `stale_version` when it has moved on' }) version: number;
}

export class OrganisationPage {
  @ApiProperty({ type: [OrganisationResponse] }) items: OrganisationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
