import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { PageQuery } from '../../common/pagination';
import { Nullable } from '../../common/validation';
import { GENDERS, type Gender } from '../resident.entity';
import { GUARDIAN_RELATIONS, type GuardianRelation } from '../guardian.entity';
import { ExpectedVersion } from '../../common/version.decorator';

export class RegisterResidentDto {
  @ApiProperty({ format: 'uuid', description: 'Where the resident lives' })
  @IsUUID()
  housingAreaId: string;

  @ApiPropertyOptional({ default: false, description: 'Anonymous residents get a pseudonym and carry no name, birth date, phone or e-mail' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ example: 'Helle' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'Jensen' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiPropertyOptional({ example: '1978-04-12', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({ example: 1978, description: 'Enough for age bands when the birth date is not known or not wanted' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional({ enum: GENDERS, default: 'unknown' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({ example: '+45 20 30 40 50' })
  @IsOptional()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'phone must be a phone number (digits, spaces, optional +)' })
  phone?: string;

  @ApiPropertyOptional({ example: 'helle@example.dk' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Register (or change) the resident although residents of your compartment with the same name and birth date, or the same phone, exist (409 `possible_duplicate` names them): you checked that this is a different person. Audited.',
  })
  @IsOptional()
  @IsBoolean()
  confirmNotDuplicate?: boolean;
}

/** PATCH: fields left out stay; `null` clears a name, birth date or contact detail (a named resident keeps a name). */
export class UpdateResidentDto extends PartialType(OmitType(RegisterResidentDto, ['anonymous'] as const)) {
  @Nullable() declare firstName?: string;
  @Nullable() declare lastName?: string;
  @Nullable() declare birthDate?: string;
  @Nullable() declare birthYear?: number;
  @Nullable() declare phone?: string;
  @Nullable() declare email?: string;

  @ExpectedVersion('resident')
  version?: number;
}

export class ResidentQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of a first or last name, a phone number (compared on its digits, with or without +45), or a pseudonym' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ example: 'K7M4PX', description: 'An anonymous resident\'s pseudonym; case, spaces and dashes are ignored' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  pseudonym?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  housingAreaId?: string;
}

export class AddGuardianDto {
  @ApiProperty({ example: 'Fatima Hassan' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONS, example: 'mother' })
  @IsIn(GUARDIAN_RELATIONS)
  relation: GuardianRelation;

  @ApiPropertyOptional({ example: '+45 20 30 40 51' })
  @IsOptional()
  @Matches(/^\+?[0-9 ]{8,20}$/, { message: 'phone must be a phone number (digits, spaces, optional +)' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}
