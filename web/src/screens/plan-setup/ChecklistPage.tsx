import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../caseworker/use-load';
import { failureText, setupStatus, type SetupStatus } from './plan-setup-api';
import { usePlan } from './use-plan';
import './plan-setup.css';

const text = planSetup.checklist;

interface Item {
  key: string;
  title: string;
  done: boolean;
  detail: string;
  to: string;
  link: string;
}

/** What a new plan needs, in the order it is usually done; each item says how far it is and links to where it is done. */
export function checklistItems(s: SetupStatus): Item[] {
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

/** The leader's first screen: instead of an empty page, what the plan still needs. */
export function ChecklistPage() {
  const { planId } = usePlan();
  const [loaded] = useLoad<SetupStatus>(planId, () => setupStatus(planId));
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{text.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
      </>
    );
  }
  const items = checklistItems(loaded.data);
  const remaining = items.filter((i) => !i.done).length;
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro(loaded.data.plan.name)}</p>
      <p>{remaining === 0 ? text.allDone : text.remaining(remaining)}</p>
      <div className="table--responsive-scroll">
        <table className="table setup-checklist">
          <caption className="sr-only">{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.item}</th>
              <th scope="col">{text.state}</th>
              <th scope="col">
                <span className="sr-only">{planSetup.areas.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key} data-done={item.done}>
                <th scope="row">{item.title}</th>
                <td>
                  <strong className={item.done ? 'setup-done' : 'setup-missing'}>{item.done ? text.done : text.notDone}</strong>
                  <span className="setup-detail">{item.detail}</span>
                </td>
                <td>
                  <Link to={item.to}>{item.link}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
