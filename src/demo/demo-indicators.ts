import type { INestApplicationContext } from '@nestjs/common';
import type { AddIndicatorDto } from '../indicators/dto/indicator.dto';
import { IndicatorsService } from '../indicators/indicators.service';

/**
 * The four goals (delmål) of the employment sub-agreement in 001_* (Ishøj 2025-29), as written
 * there. Three baselines are "to be filled in the first whole calendar year" (2026), so they are
 * empty; the school-leaving grades have 81.40 % from 2023 (LBF beboerdata).
 */
export const ISHOJ_INDICATORS: AddIndicatorDto[] = [
  {
    goal: 'Øge de unges viden om arbejdsmarkedet',
    indicator: 'Andelen af unge der giver udtryk for at have fået øget viden om arbejdsmarkedet',
    unit: 'andel',
    baselineYear: 2026,
    dataSource: 'Lokal registrering',
  },
  {
    goal: 'Øge de unges tilknytning til arbejdsmarkedet',
    indicator: 'Andel af unge der fortsætter fra fritidsjobforløb til ordinært fritidsjob',
    unit: 'andel',
    baselineYear: 2026,
    dataSource: 'Lokal registrering',
    metric: 'ordinary_job_share',
  },
  {
    goal: 'Øge de unges uddannelsesparathed',
    indicator: 'Andel elever med gennemsnit på mindst 2,0 i både dansk og matematik ved afgangsprøve i 9. klasse',
    unit: 'andel',
    baseline: 0.814,
    baselineYear: 2023,
    dataSource: 'LBF - Beboerdata',
  },
  {
    goal: 'Øge de voksnes tilknytning til arbejdsmarkedet',
    indicator: 'Andel voksne der kommer i job og antal voksne, der kommer tættere på arbejdsmarkedet',
    unit: 'andel',
    baselineYear: 2026,
    dataSource: 'Jobcenteret',
  },
];

/** 001_*: "18 unge om året" start a leisure-job programme. */
export const JOB_PROGRAMME_TARGET: AddIndicatorDto = {
  goal: 'Flere unge får erfaring med arbejdsmarkedet',
  indicator: 'Antal unge, der starter et fritidsjobforløb',
  unit: 'unge',
  target: 18,
  dataSource: 'Helhedsplanens registreringer',
  metric: 'job_programmes_started',
};

export async function seedIndicators(app: INestApplicationContext, planId: string): Promise<void> {
  const indicators = app.get(IndicatorsService, { strict: false });
  for (const indicator of [...ISHOJ_INDICATORS, JOB_PROGRAMME_TARGET]) await indicators.add(planId, indicator);
}
