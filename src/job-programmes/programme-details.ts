import type { EntityManager } from 'typeorm';
import { JobProgrammeConversation } from './entities/job-programme-conversation.entity';
import { JobProgrammeEmployment } from './entities/job-programme-employment.entity';
import { JobProgrammeMatch } from './entities/job-programme-match.entity';
import { JobProgrammeTimesheet } from './entities/job-programme-timesheet.entity';
import { JobProgrammeTransition } from './entities/job-programme-transition.entity';
import type { JobProgramme } from './entities/job-programme.entity';
import { conversationView, employmentView, matchView, programmeView, timesheetView, transitionView } from './job-programme-views';

/**
 * The whole programme: phase history, conversations, matches, the employment with its warnings
 * and the timesheets. `freeTextShared` is false for readers through a consent, who see what
 * happened and when, but none of the text written about the youth (job-programme-views.ts).
 */
export async function programmeDetails(manager: EntityManager, programme: JobProgramme, freeTextShared: boolean) {
  const programmeId = programme.id;
  // One query after another: inside a transaction they share one connection, which runs one at a time anyway.
  const history = await manager.getRepository(JobProgrammeTransition).find({ where: { programmeId }, order: { id: 'ASC' } });
  const conversations = await manager.getRepository(JobProgrammeConversation).find({ where: { programmeId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  const matches = await manager.getRepository(JobProgrammeMatch).find({ where: { programmeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const employment = await manager.getRepository(JobProgrammeEmployment).findOneBy({ programmeId });
  const timesheets = await manager.getRepository(JobProgrammeTimesheet).find({ where: { programmeId }, order: { weekStart: 'ASC' } });
  return {
    ...programmeView(programme, freeTextShared),
    history: history.map((t) => transitionView(t, freeTextShared)),
    conversations: conversations.map((c) => conversationView(c, freeTextShared)),
    matches: matches.map(matchView),
    employment: employment ? employmentView(employment, freeTextShared) : null,
    timesheets: timesheets.map(timesheetView),
  };
}
