import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { PLAN_ROLES, type PlanRole } from '../../access/roles';
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

export class CreateUserDto {
  @ApiProperty({ example: 'radgiver@vejleaaparken.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Sara Rådgiver' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'a-long-passphrase-2025', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: PLAN_ROLES, example: 'counsellor' })
  @IsIn(PLAN_ROLES)
  role: PlanRole;

  @ApiProperty({ required: false, format: 'uuid', description: 'Required for caseworkers: the municipal organisation they work for' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class UpdateUserDto {
  @ApiProperty({ required: false, example: 'Sara Rådgiver' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiProperty({ required: false, enum: PLAN_ROLES })
  @IsOptional()
  @IsIn(PLAN_ROLES)
  role?: PlanRole;

  @ApiProperty({ required: false, description: 'false ends the user\'s sessions and blocks login; the user\'s records stay' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
