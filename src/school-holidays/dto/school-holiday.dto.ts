import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';

export class AddSchoolHolidayDto {
  @ApiProperty({ example: 'Efterårsferie', description: 'What the holiday is called; not blank' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '2026-10-10', format: 'date', description: 'The first day off school' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2026-10-18', format: 'date', description: 'The last day off school; not before startsOn (422 `holiday_period`)' })
  @IsCalendarDate()
  endsOn: string;
}
