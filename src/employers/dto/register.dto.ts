import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { IsInstant } from '../../common/instant.decorator';
import { CONTACT_KINDS, type ContactKind } from '../entities/employer-contact.entity';

/** Notes and reasons here are about an employer, kept short: a line for the next colleague, not a case file. */
export const REGISTER_TEXT_MAX = 500;

export class EmployerContactDto {
  @ApiProperty({ example: '2026-03-02T10:30:00+01:00', description: 'When the contact took place; not in the future. Counts in the half-year of this instant in Danish time' })
  @IsInstant()
  at: Date;

  @ApiProperty({ enum: CONTACT_KINDS, example: 'visit' })
  @IsIn(CONTACT_KINDS)
  kind: ContactKind;

  @ApiPropertyOptional({ example: 'Butikschefen vil gerne høre mere om praktik; ring igen i april', maxLength: REGISTER_TEXT_MAX, description: 'About the employer, never about a resident' })
  @IsOptional()
  @IsString()
  @Length(1, REGISTER_TEXT_MAX)
  note?: string;
}

export class JoinNetworkDto {
  @ApiProperty({ example: '2026-03-01', format: 'date', description: 'The first day of membership' })
  @IsCalendarDate()
  from: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'The last day (included); leave out while it runs' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class EndMembershipDto {
  @ApiProperty({ example: '2026-12-31', format: 'date', description: 'The last day of membership (included); not before it began' })
  @IsCalendarDate()
  to: string;
}

export class AwardCsrPrizeDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100, description: 'The year the prize is for; not a year that has not begun (Danish time)' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ format: 'uuid', description: 'The winner, one of your plan\'s employers' })
  @IsUUID()
  employerId: string;

  @ApiPropertyOptional({ type: [String], description: 'The other nominated employers of your plan (the winner may be listed too)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  nominees?: string[];

  @ApiPropertyOptional({ example: 'Har taget seks praktikanter fra området i år', maxLength: REGISTER_TEXT_MAX, description: 'Why the employer won; about the employer, never a resident' })
  @IsOptional()
  @IsString()
  @Length(1, REGISTER_TEXT_MAX)
  reason?: string;
}
