import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { COUNSELLING_FORMS, type CounsellingForm } from '../topics';
import { ContactFieldsDto, FirstContactDto } from './contact-fields.dto';
import { ExpectedVersion } from '../../common/version.decorator';

export class OpenCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ example: 'debt', description: 'A built-in topic (debt, rent_arrears, family, digital_self_service, benefits, employment, education, housing, health, residence_permit, other) or one of your plan\'s own' })
  @IsString()
  @Length(1, 60)
  topic: string;

  @ApiPropertyOptional({ example: 'Afdragsordning med SKAT', description: 'A short free-text subject; avoid sensitive details' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiProperty({ enum: COUNSELLING_FORMS, example: 'open_drop_in' })
  @IsIn(COUNSELLING_FORMS)
  form: CounsellingForm;

  @ApiPropertyOptional({ example: '2026-03-02T10:15:00+01:00', description: 'Defaults to now; counts in the half-year it falls in' })
  @IsOptional()
  @IsInstant()
  openedAt?: Date;

  @ApiPropertyOptional({ enum: REFERRED_FROM, description: 'Who brought the resident to counselling (bridge-building, 001_*)' })
  @IsOptional()
  @IsIn(REFERRED_FROM)
  referredFrom?: ReferredFrom;

  @ApiPropertyOptional({ type: FirstContactDto, description: 'The conversation the case is opened for, recorded in the same transaction; openedAt defaults to its occurredAt' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FirstContactDto)
  firstContact?: FirstContactDto;
}

export class CaseQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ example: 'debt' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  topic?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cases of residents living in this housing area' })
  @IsOptional()
  @IsUUID()
  housingAreaId?: string;

  @ApiPropertyOptional({ enum: COUNSELLING_FORMS })
  @IsOptional()
  @IsIn(COUNSELLING_FORMS)
  form?: CounsellingForm;
}

export class RecordContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ example: '2026-03-02T10:15:00+01:00', description: 'Defaults to now (the conversation just happened). Without an offset it is Danish time; it may be earlier the same day than the case was opened, not an earlier day' })
  @IsOptional()
  @IsInstant()
  occurredAt?: Date;
}

export class RecordReferralDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A partner organisation of the plan; needs the resident\'s share_counselling consent naming it' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: 'Gældsrådgivningen, Ishøj Bibliotek' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  recipientName?: string;

  @ApiPropertyOptional({ example: 'Behov for gældsrådgivning' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ example: '2026-03-02T11:00:00+01:00', description: 'Defaults to now' })
  @IsOptional()
  @IsInstant()
  referredAt?: Date;
}

/** Optimistic concurrency on a case's state changes: the `version` the caller read, if they send it. */
export class CaseVersionDto {
  @ExpectedVersion('case')
  version?: number;
}

export class CloseCaseDto extends CaseVersionDto {
  @ApiPropertyOptional({ example: '2026-05-20T14:00:00+02:00', description: 'Defaults to now' })
  @IsOptional()
  @IsInstant()
  closedAt?: Date;

  @ApiPropertyOptional({ example: 'Afdragsordning aftalt' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  outcome?: string;
}

export class AddTopicDto {
  @ApiProperty({ example: 'pension', description: 'Lower-case key used in the API and reports' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'key must be 2-40 lower-case letters, digits or underscores, starting with a letter' })
  key: string;

  @ApiProperty({ example: 'Pension og efterløn' })
  @IsString()
  @Length(1, 100)
  label: string;
}
