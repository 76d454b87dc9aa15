import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../entities/organisation.entity';

export class CreatePlanDto {
  @ApiProperty({ example: 'Den boligsociale helhedsplan i Ishøj' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Ishøj' })
  @IsString()
  @Length(1, 100)
  municipality: string;

  @ApiProperty({ example: '2025-11-01', format: 'date' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ example: '2029-10-31', format: 'date' })
  @IsCalendarDate()
  validTo: string;
}

export class CreateHousingAreaDto {
  @ApiProperty({ example: 'Vejleåparken' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ required: false, default: false, description: 'Youth living here may join the leisure-job programme' })
  @IsOptional()
  @IsBoolean()
  jobProgrammeEligible?: boolean;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'municipal' })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;
}
