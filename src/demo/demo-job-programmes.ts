import type { INestApplicationContext } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { ConsentsService } from '../consents/consents.service';
import { EmployersService } from '../employers/employers.service';
import { JobProgrammesService } from '../job-programmes/job-programmes.service';
import { ProgrammeActivityService } from '../job-programmes/programme-activity.service';
import { ProgrammeEmploymentService } from '../job-programmes/programme-employment.service';
import { ProgrammeTransitionsService } from '../job-programmes/programme-transitions.service';
import { ResidentsService } from '../residents/residents.service';

const DAY = 86_400_000;
const date = (daysFromToday: number) => new Date(Date.now() + daysFromToday * DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
const instant = (daysFromToday: number) => new Date(Date.now() + daysFromToday * DAY - 3_600_000);
const birthDateForAge = (years: number) => date(-Math.round((years + 0.4) * 365.25));

/**
 * Employers the plan cooperates with, and three youth in different phases of the leisure-job
 * programme. Their ages (13-15) and the employment's 4 hours for four months fit the demo plan's
 * settings, a new plan's defaults (Ishøj, 001_*); a demo plan with other settings needs other youth.
 */
export async function seedJobProgrammes(app: INestApplicationContext, socialWorker: PlanActor, areaId: string): Promise<void> {
  const get = <T>(type: new (...args: never[]) => T) => app.get(type, { strict: false });
  const employers = get(EmployersService);
  const residents = get(ResidentsService);
  const consents = get(ConsentsService);
  const programmes = get(JobProgrammesService);
  const activity = get(ProgrammeActivityService);
  const employment = get(ProgrammeEmploymentService);
  const transitions = get(ProgrammeTransitionsService);

  const netto = await employers.create(socialWorker, { name: 'Netto Ishøj Bycenter', cvr: '35954716', sector: 'private', contactName: 'Butikschef Kim' });
  const hall = await employers.create(socialWorker, { name: 'Ishøj Idrætscenter', sector: 'public', contactName: 'Centerleder Anne' });
  await employers.create(socialWorker, { name: 'Café Vejleå', cvr: '29189706', sector: 'private' });
  await employers.addAgreement(socialWorker, netto.id, { signedAt: date(-200), validFrom: date(-200) });
  await employers.addAgreement(socialWorker, hall.id, { signedAt: date(-150), validFrom: date(-150), validTo: date(500), capacity: 3 });

  const youth = async (firstName: string, age: number, guardianName: string) => {
    const resident = await residents.register(socialWorker, { housingAreaId: areaId, firstName, birthDate: birthDateForAge(age), gender: 'unknown' });
    const guardian = await residents.addGuardian(socialWorker, resident.id, { name: guardianName, relation: 'mother' });
    return { resident, guardian };
  };
  const readyForMatching = async (y: Awaited<ReturnType<typeof youth>>, startedDaysAgo: number) => {
    const programme = await programmes.create(socialWorker, { residentId: y.resident.id, startedAt: date(-startedDaysAgo) });
    await consents.give(socialWorker, {
      residentId: y.resident.id,
      scope: 'job_programme_participation',
      recipientOrganisationIds: [],
      givenBy: 'guardian',
      guardianId: y.guardian.id,
      form: 'written',
      givenAt: instant(-startedDaysAgo),
    });
    await activity.recordConversation(socialWorker, programme.id, {
      occurredAt: instant(-startedDaysAgo + 1),
      kind: 'clarification',
      participants: ['youth', 'guardian'],
      note: 'Ønsker butiksarbejde; kan arbejde tirsdag og torsdag efter skole',
    });
    return (await transitions.transition(socialWorker, programme.id, { to: 'matching', version: programme.version })) as { id: string; version: number };
  };

  const sara = await youth('Sara', 14, 'Hiba');
  const inClarification = await programmes.create(socialWorker, { residentId: sara.resident.id });
  await activity.recordConversation(socialWorker, inClarification.id, { occurredAt: instant(-1), kind: 'clarification', participants: ['youth'] });

  const ahmed = await readyForMatching(await youth('Ahmed', 13, 'Samira'), 20);
  await activity.proposeMatch(socialWorker, ahmed.id, { employerId: hall.id });

  const emilAndMother = await youth('Emil', 15, 'Louise');
  const emil = await readyForMatching(emilAndMother, 90);
  const match = await activity.proposeMatch(socialWorker, emil.id, { employerId: netto.id });
  await activity.updateMatch(socialWorker, emil.id, match.id, { status: 'accepted', version: match.version });
  await employment.recordEmployment(socialWorker, emil.id, {
    employerId: netto.id,
    contractSignedByYouthAt: date(-65),
    contractSignedByGuardianAt: date(-64),
    contractSignedByGuardianId: emilAndMother.guardian.id,
    startDate: date(-60),
    endDate: date(60),
    hoursPerWeek: 4,
  });
  await transitions.transition(socialWorker, emil.id, { to: 'employment', version: emil.version });
}
