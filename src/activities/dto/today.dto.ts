import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { HeadcountResponse } from './activity-response.dto';

export class TodayQuery {
  @ApiPropertyOptional({ example: 'open_counselling', description: 'Only activities of this kind' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'kind must be 2-40 lower-case letters, digits or underscores, starting with a letter' })
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Activities in this housing area, and those for the whole plan' })
  @IsOptional()
  @IsUUID()
  housingAreaId?: string;
}

/** One weekly slot's occurrence today, with the head count of its session so far. */
export class TodaySlotResponse {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ example: 'Åben Rådgivning, Vejleåparken' }) name: string;
  @ApiProperty({ example: 'open_counselling' }) kind: string;
  @ApiProperty({ example: 'Åben rådgivning' }) kindLabel: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: for the whole plan' }) housingAreaId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Vejleåparken' }) housingAreaName: string | null;
  @ApiProperty({ example: '15:00', description: 'Danish wall-clock time' }) start: string;
  @ApiProperty({ example: '17:00' }) end: string;
  @ApiProperty({ format: 'date-time' }) startsAt: Date;
  @ApiProperty({ format: 'date-time' }) endsAt: Date;
  @ApiProperty({ enum: ['upcoming', 'open', 'ended'], description: 'Where now is against the slot: visits are recorded while it is open (or, late, with the time they came)' })
  state: 'upcoming' | 'open' | 'ended';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The slot\'s session, once a visitor or a session was recorded' }) sessionId: string | null;
  @ApiProperty({ type: HeadcountResponse, description: 'Who came so far (total 0 before the first)' }) headcount: HeadcountResponse;
}

export class TodayPage {
  @ApiProperty({ format: 'date', example: '2026-12-07', description: 'Today in Danish time' }) date: string;
  @ApiProperty({ type: [TodaySlotResponse] }) items: TodaySlotResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a day\'s slots come in one page' }) nextCursor: string | null;
}
