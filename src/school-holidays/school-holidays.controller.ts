import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { PageQuery } from '../common/pagination';
import { AddSchoolHolidayDto } from './dto/school-holiday.dto';
import { SchoolHolidayPage, SchoolHolidayResponse } from './dto/school-holiday-response.dto';
import { SchoolHolidaysService } from './school-holidays.service';

/** The plan's school calendar: a week whose weekdays are all holidays is school-free for the young-worker limits. */
@ApiTags('School calendar')
@Controller('school-holidays')
export class SchoolHolidaysController {
  constructor(private readonly holidays: SchoolHolidaysService) {}

  @ApiOperation({ summary: "List the plan's school holidays" })
  @Get()
  @Allow('social_worker', 'leader')
  @ApiOkResponse({ type: SchoolHolidayPage, description: "A page of your plan's school holidays, latest first" })
  list(@PlanActor() actor: PlanActor, @Query() query: PageQuery) {
    return this.holidays.list(actor, query);
  }

  @ApiOperation({ summary: "Add a school holiday to the plan's calendar" })
  @Post()
  @Allow('social_worker', 'leader')
  @ApiCreatedResponse({ type: SchoolHolidayResponse, description: 'The holiday' })
  @ApiUnprocessableEntityResponse({ description: 'endsOn is before startsOn (`holiday_period`)' })
  add(@PlanActor() actor: PlanActor, @Body() dto: AddSchoolHolidayDto) {
    return this.holidays.add(actor, dto);
  }

  /** Removes a holiday entered by mistake; warnings already given are kept as they were. */
  @ApiOperation({ summary: 'Remove a school holiday entered by mistake' })
  @Delete(':id')
  @HttpCode(204)
  @Allow('social_worker', 'leader')
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such holiday in your plan' })
  remove(@PlanActor() actor: PlanActor, @Param('id', ParseUUIDPipe) id: string) {
    return this.holidays.remove(actor, id);
  }
}
