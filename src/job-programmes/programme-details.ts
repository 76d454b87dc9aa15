import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProgrammeDetailsResponse } from './dto/job-programme-response.dto';
import type { JobProgramme } from './entities/job-programme.entity';
import { conversationView, employmentView, matchView, programmeView, timesheetView, transitionView } from './job-programme-views';
import { JobProgrammesRepository } from './job-programmes.repository';
import { isFinal, nextStep, type NextStep } from './phase-machine';
import { ProgrammeActivityRepository } from './programme-activity.repository';
import { ProgrammeFactsReader } from './programme-facts';

/**
 * The whole programme: phase history, conversations, matches, the employment with its warnings
 * and the timesheets. `freeTextShared` is false for readers through a consent, who see what
 * happened and when, but none of the text written about the youth (job-programme-views.ts).
 */
@Injectable()
export class ProgrammeDetails {
  constructor(
    private readonly programmes: JobProgrammesRepository,
    private readonly activity: ProgrammeActivityRepository,
    private readonly facts: ProgrammeFactsReader,
  ) {}

  /** What the programme's next phase still needs today, asked of the guards the phase change uses. */
  async nextStepOf(manager: EntityManager, programme: JobProgramme): Promise<NextStep | null> {
    return isFinal(programme.phase) ? null : nextStep(await this.facts.gather(manager, programme, {}));
  }

  /** nextStepOf for a page of programmes, in a fixed number of queries, from the same guards. */
  async nextStepsOf(manager: EntityManager, programmes: JobProgramme[]): Promise<(NextStep | null)[]> {
    const facts = await this.facts.gatherMany(manager, programmes.filter((p) => !isFinal(p.phase)));
    return programmes.map((p) => {
      const f = facts.get(p.id);
      return f ? nextStep(f) : null;
    });
  }

  async of(manager: EntityManager, programme: JobProgramme, freeTextShared: boolean): Promise<ProgrammeDetailsResponse> {
    const programmeId = programme.id;
    // One query after another: inside a transaction they share one connection, which runs one at a time anyway.
    const history = await this.programmes.historyOf(manager, programmeId);
    const conversations = await this.activity.conversationsOf(manager, programmeId);
    const matches = await this.activity.matchesOf(manager, programmeId);
    const employment = await this.activity.employmentOf(manager, programmeId);
    const timesheets = await this.activity.timesheetsOf(manager, programmeId);
    const corrections = await this.activity.revisionsOf(manager, timesheets.map((t) => t.id));
    return {
      ...programmeView(programme, freeTextShared),
      history: history.map((t) => transitionView(t, freeTextShared)),
      conversations: conversations.map((c) => conversationView(c, freeTextShared)),
      matches: matches.map(matchView),
      employment: employment ? employmentView(employment, freeTextShared) : null,
      timesheets: timesheets.map((t) => timesheetView(t, corrections.get(t.id))),
      nextStep: await this.nextStepOf(manager, programme),
    };
  }
}
