import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { ExportQuery, ReportQuery, RequestReportDto } from './dto/report.dto';
import { ActivityCountsResponse, ReportPage, ReportRequestedResponse, ReportResponse } from './dto/report-response.dto';
import { ReportFiguresResponse, ReportPeriodsResponse } from './dto/report-figures.dto';
import { ReportsService } from './reports.service';
import { ParseIdPipe } from '../common/parse-id.pipe';

const EXPORT_CONTENT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'];

@ApiTags('Half-year statistics')
@ApiExtraModels(ActivityCountsResponse)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * Queues the half-year statistics; each run is a new version. The running half-year is marked
   * interim. While a report of the half-year is queued or running, the answer is that report.
   */
  @ApiOperation({ summary: 'Leader: queue the half-year statistics' })
  @Post('half-year')
  @HttpCode(202)
  @Allow('leader')
  @ApiAcceptedResponse({ type: ReportRequestedResponse, description: 'Queued; poll GET /reports/:id. While a report of the same half-year is queued or running, that report (no new version)' })
  @ApiTooManyRequestsResponse({ description: '`report_requests_throttled`: the plan has as many requested reports queued or running as it may; retry after `Retry-After` seconds' })
  @ApiUnprocessableEntityResponse({ description: '`period_not_begun`: the half-year has not begun' })
  request(@PlanActor() actor: PlanActor, @Body() dto: RequestReportDto): Promise<ReportRequestedResponse> {
    return this.reports.request(actor, dto);
  }

  /** Your plan's reports, newest first (without their results). */
  @ApiOperation({ summary: "Leader: list your plan's reports" })
  @Get()
  @Allow('leader')
  @ApiOkResponse({ type: ReportPage })
  list(@PlanActor() actor: PlanActor, @Query() query: ReportQuery): Promise<ReportPage> {
    return this.reports.list(actor, query);
  }

  /** From the plan's first half-year to the running one, so a screen offers only what can be requested. */
  @ApiOperation({ summary: "Leader: the plan's half-years a report can be requested for" })
  @Get('periods')
  @Allow('leader')
  @ApiOkResponse({ type: ReportPeriodsResponse })
  periods(@PlanActor() actor: PlanActor): Promise<ReportPeriodsResponse> {
    return this.reports.periods(actor);
  }

  @ApiOperation({ summary: 'Leader: read one report with its results' })
  @Get(':id')
  @Allow('leader')
  @ApiOkResponse({ type: ReportResponse, description: 'The report with status, progress and, when completed, its result' })
  @ApiNotFoundResponse({ description: 'No such report in your plan' })
  get(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string): Promise<ReportResponse> {
    return this.reports.get(actor, id);
  }

  /** The figures exactly as the exports print them: the same labels, numbers and small-number suppression ("<5", "skjult"). */
  @ApiOperation({ summary: "Leader: a report's figures as the exports show them" })
  @Get(':id/figures')
  @Allow('leader')
  @ApiOkResponse({ type: ReportFiguresResponse })
  @ApiNotFoundResponse({ description: 'No such report in your plan' })
  @ApiConflictResponse({ description: '`report_not_completed`: the report is queued, running or failed' })
  figures(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string): Promise<ReportFiguresResponse> {
    return this.reports.figures(actor, id);
  }

  /** The report as CSV (Danish Excel), XLSX or PDF with charts; counts of 1-4 are shown as "<5". */
  @ApiOperation({ summary: 'Leader: download a report as CSV, XLSX or PDF' })
  @Get(':id/export')
  @Allow('leader')
  @ApiOkResponse({ description: 'The file', content: Object.fromEntries(EXPORT_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) })
  @ApiConflictResponse({ description: '`report_not_completed`: the report is queued, running or failed' })
  async export(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.reports.export(actor, id, query.format);
    await reply.header('Content-Type', file.contentType).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  }
}
