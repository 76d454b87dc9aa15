import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchoolHoliday } from './school-holiday.entity';
import { SchoolHolidaysController } from './school-holidays.controller';
import { SchoolHolidaysRepository } from './school-holidays.repository';
import { SchoolHolidaysService } from './school-holidays.service';

/** The plan's school calendar; SchoolHolidaysService is exported for the young-worker rules of job programmes. */
@Module({
  imports: [TypeOrmModule.forFeature([SchoolHoliday])],
  controllers: [SchoolHolidaysController],
  providers: [SchoolHolidaysService, SchoolHolidaysRepository],
  exports: [SchoolHolidaysService],
})
export class SchoolHolidaysModule {}
