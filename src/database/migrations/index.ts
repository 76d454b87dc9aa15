import { Foundation1732300000000 } from './1732300000000-foundation';
import { ConsentsEmployersJobProgrammes1732400000000 } from './1732400000000-consents-employers-job-programmes';
import { StatisticsQueueIndicatorsReminders1732500000000 } from './1732500000000-statistics-queue-indicators-reminders';
import { ContactsNotBeforeTheirCase1732600000000 } from './1732600000000-contacts-not-before-their-case';

/** Every migration, in order. Listed explicitly so the build and the tests load the same set without globbing. */
export const MIGRATIONS = [
  Foundation1732300000000,
  ConsentsEmployersJobProgrammes1732400000000,
  StatisticsQueueIndicatorsReminders1732500000000,
  ContactsNotBeforeTheirCase1732600000000,
];
