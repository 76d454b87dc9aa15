import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { PageQuery } from '../../common/pagination';
import { Nullable } from '../../common/validation';
import { EMPLOYER_STATUSES, type EmployerStatus } from '../employer-status';
import { SECTORS, type Sector } from '../entities/employer.entity';

// The shape only; the modulus-11 check is the service's, so its answer names the rule.
const CVR_SHAPE = /^\s*(\d\s*){8}$/;

export class CreateEmployerDto {
  @ApiProperty({ example: 'Netto Ishøj Bycenter' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: '1015 0817', description: '8 digits passing the modulus-11 check; spaces are ignored, 8 digits are stored' })
  @IsOptional()
  @IsString()
  @Matches(CVR_SHAPE, { message: 'cvr must be 8 digits (spaces are allowed)' })
  cvr?: string;

  @ApiProperty({ enum: SECTORS, example: 'private' })
  @IsIn(SECTORS)
  sector: Sector;

  @ApiPropertyOptional({ example: 'Ishøj Bycenter 18, 2635 Ishøj' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: 'Jonas Pedersen', description: 'The store manager or mentor the social worker talks to' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactName?: string;

  @ApiPropertyOptional({ example: '+45 43 73 20 10' })
  @IsOptional()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'contactPhone must be a phone number (digits, spaces, optional +)' })
  contactPhone?: string;

  @ApiPropertyOptional({ example: 'ishoej.bycenter@netto.dk' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES, description: 'Where the plan stands with the employer; left out, a workplace just found is a `prospect`' })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES)
  status?: EmployerStatus;
}

/** PATCH: only the fields sent change; `null` clears cvr, address and the contact fields. */
export class UpdateEmployerDto extends PartialType(OmitType(CreateEmployerDto, ['name', 'sector', 'status'] as const)) {
  @Nullable() declare cvr?: string;
  @Nullable() declare address?: string;
  @Nullable() declare contactName?: string;
  @Nullable() declare contactPhone?: string;
  @Nullable() declare contactEmail?: string;

  @ApiPropertyOptional({ example: 'Netto Ishøj Bycenter' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: SECTORS, example: 'private' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES, description: 'Set by hand, e.g. `inactive` when the plan stops working with the employer; a logged contact moves a prospect to contacted and an agreement makes it cooperating by themselves' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(EMPLOYER_STATUSES)
  status?: EmployerStatus;

  @ApiPropertyOptional({ type: 'integer', example: 1, description: "The employer's `version` as you last read it; 409 `stale_version` with `currentVersion` if it has changed since. Without it the change applies to the employer as it is (api.md's body)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CreateAgreementDto {
  @ApiProperty({ example: '2026-02-16', format: 'date', description: 'The day both parties signed; not in the future' })
  @IsCalendarDate()
  signedAt: string;

  @ApiProperty({ example: '2026-03-01', format: 'date', description: 'The first day the agreement covers' })
  @IsCalendarDate()
  validFrom: string;

  @ApiPropertyOptional({ example: '2027-02-28', format: 'date', description: 'The last day it covers (included); leave out for until further notice' })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string;

  @ApiPropertyOptional({ example: 2, minimum: 1, description: 'How many youths the employer can take at a time' })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number;
}

export class EmployerQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Netto', description: 'Part of the employer\'s name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES, description: 'Only employers with this status' })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES)
  status?: EmployerStatus;

  @ApiPropertyOptional({ enum: ['member'], description: "`member`: only the employers in the plan's network today (Danish date)" })
  @IsOptional()
  @IsIn(['member'])
  network?: 'member';
}
