import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';
import { CONSENT_SCOPES, type ConsentScope } from '../consent.entity';

export class GiveConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ enum: CONSENT_SCOPES, example: 'share_counselling', description: 'What may be shared (or, for job_programme_participation, that the youth may join the programme)' })
  @IsIn(CONSENT_SCOPES)
  scope: ConsentScope;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The organisations that may see the data; empty for job_programme_participation' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  recipientOrganisationIds: string[];

  @ApiProperty({ enum: ['resident', 'guardian'], example: 'resident' })
  @IsIn(['resident', 'guardian'])
  givenBy: 'resident' | 'guardian';

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when a guardian gives the consent: one of the resident\'s registered guardians' })
  @IsOptional()
  @IsUUID()
  guardianId?: string;

  @ApiProperty({ enum: ['oral', 'written'], example: 'written' })
  @IsIn(['oral', 'written'])
  form: 'oral' | 'written';

  @ApiPropertyOptional({ example: '2026-03-02T10:15:00+01:00', description: 'Defaults to now (the consent was just given); not in the future' })
  @IsOptional()
  @IsInstant()
  givenAt?: Date;

  @ApiPropertyOptional({ example: '2027-03-02T00:00:00+01:00' })
  @IsOptional()
  @IsInstant()
  expiresAt?: Date;

  @ApiPropertyOptional({ example: 'Samtykkeerklæring journal 2026-117', description: 'Where the signed paper or scan is kept' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentReference?: string;

  @ApiPropertyOptional({ default: false, description: 'share_counselling only: case notes are shared too' })
  @IsOptional()
  @IsBoolean()
  includesNotes?: boolean;
}

export class WithdrawConsentDto {
  @ApiPropertyOptional({ example: '2026-04-01T12:00:00+02:00', description: 'Defaults to now; takes effect at once' })
  @IsOptional()
  @IsInstant()
  withdrawnAt?: Date;

  @ApiPropertyOptional({ example: 'Ønsker ikke længere deling med jobcentret' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ConsentQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  residentId?: string;
}
