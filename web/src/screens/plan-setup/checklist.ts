import { planSetup } from '../../text/plan-setup';
import type { SetupStatus } from './plan-setup-api';

const text = planSetup.checklist;

export interface ChecklistItem {
  key: string;
  title: string;
  done: boolean;
  detail: string;
  to: string;
  link: string;
}

/** What a new plan needs, in the order it is usually done; each item says how far it is and links to where it is done. */
export function checklistItems(s: SetupStatus): ChecklistItem[] {
  return [
    { key: 'areas', title: text.areas.title, done: s.housingAreas > 0, detail: s.housingAreas > 0 ? text.areas.done(s.housingAreas) : text.areas.notDone, to: '/plan/omraader', link: text.areas.link },
    {
      key: 'organisations',
      title: text.organisations.title,
      done: s.organisations > 0,
      detail: s.organisations > 0 ? text.organisations.done(s.organisations) : text.organisations.notDone,
      to: '/plan/organisationer',
      link: text.organisations.link,
    },
    { key: 'staff', title: text.staff.title, done: s.staff > 0, detail: s.staff > 0 ? text.staff.done(s.staff, s.pendingInvitations) : text.staff.notDone(s.pendingInvitations), to: '/personale', link: text.staff.link },
    { key: 'settings', title: text.settings.title, done: s.settingsSaved, detail: s.settingsSaved ? text.settings.done : text.settings.notDone, to: '/plan/indstillinger', link: text.settings.link },
    { key: 'activities', title: text.activities.title, done: s.activities > 0, detail: s.activities > 0 ? text.activities.done(s.activities) : text.activities.notDone, to: '/aktiviteter', link: text.activities.link },
    { key: 'indicators', title: text.indicators.title, done: s.indicators > 0, detail: s.indicators > 0 ? text.indicators.done(s.indicators) : text.indicators.notDone, to: '/indikatorer', link: text.indicators.link },
  ];
}
