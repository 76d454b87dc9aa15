import { ApiProperty } from '@nestjs/swagger';

export class SchoolHolidayResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Efterårsferie' }) name: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class SchoolHolidayPage {
  @ApiProperty({ type: [SchoolHolidayResponse] }) items: SchoolHolidayResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
