import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
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

async function sendPdf(reply: FastifyReply, fileName: string, body: Buffer): Promise<void> {
  await reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).header('Cache-Control', 'no-store').send(body);
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
  @Get('access-log')
  @Allow('counsellor', 'social_worker', 'leader')
  @RequireStepUp()
  @ApiOkResponse({ type: AccessLogPage, description: 'A page of the log (json), or the whole log as a PDF' })
  @ApiProduces('application/json', 'application/pdf')
  @ApiNotFoundResponse({ description: 'No such resident within your reach (their compartment, or your plan for the leader)' })
  async getAccessLog(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: AccessLogQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AccessLogPage | void> {
    if (query.format !== 'pdf') return this.accessLog.page(actor, id, query);
    const { residentName, log } = await this.accessLog.document(actor, id);
    const plan = await this.plans.getPlan(actor.planId);
    await sendPdf(reply, `adgangslog-${id}.pdf`, await accessLogPdf({ planName: plan.name, residentName, createdAt: new Date() }, log));
  }

  /** Everything held about the resident (GDPR Art. 15) in one document: JSON, streamed, or `?format=pdf` in Danish. */
  @Get('export')
  @Allow('counsellor', 'social_worker')
  @RequireStepUp()
  @ApiOkResponse({ type: ResidentExportDocument })
  @ApiProduces('application/json', 'application/pdf')
  @ApiNotFoundResponse({ description: 'No such resident within your reach (only their own compartment exports)' })
  async export(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Query() query: ResidentExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const copy = await this.exports.copyFor(actor, id);
    if (query.format === 'pdf') {
      await sendPdf(reply, `beboerdata-${id}.pdf`, await exportPdf(copy, { planName: copy.planName, residentName: residentDisplayName(copy.resident), createdAt: new Date(copy.holdings.exportedAt) }));
      return;
    }
    await reply
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="beboerdata-${id}.json"`)
      .header('Cache-Control', 'no-store')
      .send(Readable.from(exportJson(copy)));
  }

  /**
   * Erases the resident's personal data (GDPR Art. 17): names, contact details, exact birth date,
   * guardians, notes and free text go; birth year, gender and housing area stay, so every report
   * counts as before. Refused while a leisure-job programme is running.
   */
  @Post('erase')
  @HttpCode(200)
  @Allow('counsellor', 'social_worker')
  @RequireStepUp()
  @ApiOkResponse({ type: ErasureResponse })
  @ApiNotFoundResponse({ description: 'No such resident within your reach' })
  @ApiConflictResponse({ description: '`programme_running`: end the youth\'s programme first' })
  erase(@PlanActor() actor: PlanActor, @Param('id', ParseIdPipe) id: string, @Body() dto: EraseResidentDto): Promise<ErasureResponse> {
    return this.erasure.erase(actor, id, dto);
  }
}
