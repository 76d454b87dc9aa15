import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { requirePlan } from '../access/plan-actor';
import { ExportQuery, ReportQuery, RequestReportDto } from './dto/report.dto';
import { ReportsService } from './reports.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('Half-year statistics')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Queues the half-year statistics; each run is a new version. The running half-year is marked interim. */
  @Post('half-year')
  @HttpCode(202)
  @Allow('leader')
  @ApiAcceptedResponse({ description: '`{id, status: "queued", version, interim}`; poll GET /reports/:id' })
  @ApiUnprocessableEntityResponse({ description: 'The half-year has not begun' })
  request(@CurrentActor() actor: Actor, @Body() dto: RequestReportDto) {
    return this.reports.request(requirePlan(actor), dto);
  }

  /** Your plan's reports, newest first (without their results). */
  @Get()
  @Allow('leader')
  @ApiOkResponse({ description: 'A page of reports' })
  list(@CurrentActor() actor: Actor, @Query() query: ReportQuery) {
    return this.reports.list(requirePlan(actor), query);
  }

  @Get(':id')
  @Allow('leader')
  @ApiOkResponse({ description: 'The report with status, progress and, when completed, its result' })
  @ApiNotFoundResponse({ description: 'No such report in your plan' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.reports.get(requirePlan(actor), id);
  }

  /** The report as CSV (Danish Excel), XLSX or PDF with charts; counts of 1-4 are shown as "<5". */
  @Get(':id/export')
  @Allow('leader')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({ description: 'The file' })
  @ApiConflictResponse({ description: 'The report is not completed' })
  async export(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string, @Query() query: ExportQuery, @Res() reply: FastifyReply) {
    const file = await this.reports.export(requirePlan(actor), id, query.format);
    await reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  }
}
