import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { CONTACT_CHANNELS, type ContactChannel } from '../topics';

/** What a contact says besides when it happened: shared by a contact on its own and a case's first contact. */
export class ContactFieldsDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, example: 'in_person' })
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'Whether the resident came by appointment (Åben Rådgivning takes both)' })
  @IsOptional()
  @IsBoolean()
  withAppointment?: boolean;

  @ApiPropertyOptional({ description: 'Optional case note; only people with access to the case see it' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

/**
 * The conversation a case is opened for, recorded with it in one call (issue 12, part 9: the
 * drop-in hour). Without `occurredAt` it happened when the case was opened.
 */
export class FirstContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ example: '2026-03-02T10:15:00+01:00', description: 'Defaults to the case\'s openedAt; without an offset it is Danish time. It may be earlier the same day than openedAt, not an earlier day.' })
  @IsOptional()
  @IsInstant()
  occurredAt?: Date;
}
