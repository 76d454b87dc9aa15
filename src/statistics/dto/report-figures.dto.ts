import { ApiProperty } from '@nestjs/swagger';

/*
 * The half-year report as the exports print it (src/statistics/exports/report-model.ts), for the
 * web app: the same labels, the same numbers and the same small-number suppression as the CSV,
 * XLSX and PDF, so the page can never show a count the files hide.
 */

export class ShownCountResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'The count; null when it is hidden' }) value: number | null;
  @ApiProperty({ description: 'Hidden: a small count, or one hidden to protect another' }) hidden: boolean;
  @ApiProperty({ example: '<5', description: 'What the exports print: the number, "<5" or "skjult"' }) display: string;
}

export class FigureResponse {
  @ApiProperty({ example: 'Rådgivninger påbegyndt' }) label: string;
  @ApiProperty({ type: ShownCountResponse }) count: ShownCountResponse;
}

export class ShareResponse {
  @ApiProperty({ example: 'Andel i ordinært fritidsjob' }) label: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The share (0..1) when it may be shown' }) value: number | null;
  @ApiProperty({ example: '75,0 %' }) display: string;
}

export class TableRowResponse {
  @ApiProperty({ example: 'Gæld' }) label: string;
  @ApiProperty({ type: ShownCountResponse }) count: ShownCountResponse;
  @ApiProperty({ type: Number, nullable: true, description: "The row's share of the total; null when the row or the total is hidden" }) share: number | null;
}

export class CountTableResponse {
  @ApiProperty({ example: 'Rådgivninger fordelt på emne' }) title: string;
  @ApiProperty({ example: 'Emne' }) categoryHeader: string;
  @ApiProperty({ type: [TableRowResponse] }) rows: TableRowResponse[];
  @ApiProperty({ type: ShownCountResponse, description: 'The total ("I alt")' }) total: ShownCountResponse;
}

export class FigureSectionResponse {
  @ApiProperty({ example: 'Rådgivning', description: 'As the XLSX names its sheet' }) title: string;
  @ApiProperty({ type: [FigureResponse] }) figures: FigureResponse[];
  @ApiProperty({ type: [ShareResponse] }) shares: ShareResponse[];
  @ApiProperty({ type: [CountTableResponse] }) tables: CountTableResponse[];
}

export class IndicatorRowResponse {
  @ApiProperty() goal: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'A share (0..1), shown as percent' }) isShare: boolean;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) baselineYear: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "The target for the report's half-year" }) target: number | null;
  @ApiProperty({ example: 'Mål (halvdelen af årsmålet): årsmål 18' }) targetBasis: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The value when it may be shown' }) value: number | null;
  @ApiProperty({ example: '<5' }) valueDisplay: string;
  @ApiProperty() dataSource: string;
}

export class AboutRowResponse {
  @ApiProperty({ example: 'Status' }) label: string;
  @ApiProperty({ example: 'Endelig' }) text: string;
}

export class ReportFiguresResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: 'Halvårsstatistik H1 2026 – Helhedsplan Vejleåparken' }) title: string;
  @ApiProperty({ example: 'H1 2026' }) periodLabel: string;
  @ApiProperty({ example: '1. januar 2026 – 30. juni 2026' }) periodText: string;
  @ApiProperty({ description: 'The half-year had not ended when the report was computed' }) interim: boolean;
  @ApiProperty({ example: 5, description: 'Counts below this are hidden' }) threshold: number;
  @ApiProperty({ description: 'How small counts are hidden, in Danish' }) disclosure: string;
  @ApiProperty({ type: [FigureSectionResponse] }) sections: FigureSectionResponse[];
  @ApiProperty({ type: [IndicatorRowResponse] }) indicators: IndicatorRowResponse[];
  @ApiProperty({ type: [AboutRowResponse] }) about: AboutRowResponse[];
}

export class ReportHalfYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: [1, 2] }) half: 1 | 2;
  @ApiProperty({ description: 'The running half-year: a report of it is interim' }) running: boolean;
}

export class ReportPeriodsResponse {
  @ApiProperty({ format: 'date', example: '2025-11-01' }) validFrom: string;
  @ApiProperty({ format: 'date', example: '2029-10-31' }) validTo: string;
  @ApiProperty({ type: [ReportHalfYearResponse], description: "The plan's half-years that have begun, newest first" }) items: ReportHalfYearResponse[];
  @ApiProperty({ type: ReportHalfYearResponse, nullable: true, description: 'The last half-year that has ended, else the running one; null before the plan begins' })
  suggested: ReportHalfYearResponse | null;
}
