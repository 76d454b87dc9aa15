import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Allow } from '../access/allow.decorator';
import { PlanActor } from '../access/actor';
import { RequireStepUp } from '../access/step-up';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlansService } from '../plans/plans.service';
import { residentDisplayName } from '../residents/resident-views';
import { AccessLogService } from './access-log.service';
import { AccessLogQuery, EraseResidentDto, ResidentExportQuery } from './dto/resident-rights.dto';
import { AccessLogPage, ErasureResponse, ResidentExportDocument } from './dto/resident-rights-response.dto';
import { ErasureService } from './erasure.service';
import { accessLogPdf, exportPdf } from './pdf/resident-documents';
import { exportJson, ResidentExportService } from './resident-export.service';

/** A document to download; never kept by a browser or proxy cache (it is a resident's personal data). */
function download(reply: FastifyReply, body: Buffer | Readable, type: string, fileName: string): StreamableFile {
  reply.header('Cache-Control', 'no-store');
  const options = { type, disposition: `attachment; filename="${fileName}"` };
  return Buffer.isBuffer(body) ? new StreamableFile(body, options) : new StreamableFile(body, options);
}

/** A resident's rights (GDPR Art. 15 and 17): who has seen their data, their copy, their erasure. */
@ApiTags('Residents\' rights')
@Controller('residents/:id')
export class ResidentRightsController {
  constructor(
    private readonly accessLog: AccessLogService,
    private readonly exports: ResidentExportService,
    private readonly erasure: ErasureService,
    private readonly plans: PlansService,
  ) {}

  /** Every read and change of the resident's data, newest first, with who, what and why; `?format=pdf` in Danish to hand over. */
  @ApiOperation({ summary: "A resident's access log (who read or changed what)" })
  @Get('access-log')
  @Allow('counsellor', 'social_worker', 'caseworker', 'leader')
  @RequireStepUp()
  @ApiOkResponse({ type: AccessLogPage, description: 'A page of the log (json), or the whole log as a PDF' })
  @ApiProduces('application/json', 'application/pdf')
  @ApiNotFoundResponse({ description: 'No such resident within your reach (their compartment, or your plan for the leader)' })
  async getAccessLog(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: AccessLogQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessLogPage | StreamableFile> {
    if (query.format !== 'pdf') return this.accessLog.page(actor, id, query);
    const { residentName, log } = await this.accessLog.document(actor, id);
    const plan = await this.plans.getPlan(actor.planId);
    return download(reply, await accessLogPdf({ planName: plan.name, residentName, createdAt: new Date() }, log), 'application/pdf', `adgangslog-${id}.pdf`);
  }

  /** Everything held about the resident (GDPR Art. 15) in one document: JSON, streamed, or `?format=pdf` in Danish. */
  @ApiOperation({ summary: 'Export everything held about a resident (GDPR Art. 15)' })
  @Get('export')
  @Allow('counsellor', 'social_worker', 'caseworker')
  @RequireStepUp()
  @ApiOkResponse({ type: ResidentExportDocument })
  @ApiProduces('application/json', 'application/pdf')
  @ApiNotFoundResponse({ description: 'No such resident within your reach (only their own compartment exports)' })
  async export(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: ResidentExportQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const copy = await this.exports.copyFor(actor, id);
    if (query.format === 'pdf') {
      const pdf = await exportPdf(copy, { planName: copy.planName, residentName: residentDisplayName(copy.resident), createdAt: new Date(copy.holdings.exportedAt) });
      return download(reply, pdf, 'application/pdf', `beboerdata-${id}.pdf`);
    }
    return download(reply, Readable.from(exportJson(copy)), 'application/json; charset=utf-8', `beboerdata-${id}.json`);
  }

  /**
   * Erases the resident's personal data (GDPR Art. 17): names, contact details, exact birth date,
   * guardians, notes and free text go; birth year, gender and housing area stay, so every report
   * counts as before. Refused while a leisure-job programme is running.
   */
  @ApiOperation({ summary: "Erase a resident's personal data (GDPR Art. 17)" })
  @Post('erase')
  @HttpCode(200)
  @Allow('counsellor', 'social_worker', 'caseworker')
  @RequireStepUp()
  @ApiOkResponse({ type: ErasureResponse })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  @ApiConflictResponse({ description: '`programme_running`: end the youth\'s programme first' })
  erase(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EraseResidentDto): Promise<ErasureResponse> {
    return this.erasure.erase(actor, id, dto);
  }
}
