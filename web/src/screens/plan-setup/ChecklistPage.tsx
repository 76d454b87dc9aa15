import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { checklistItems } from './checklist';
import { failureText, setupStatus, type SetupStatus } from './plan-setup-api';
import { usePlan } from './use-plan';
import './plan-setup.css';

const text = planSetup.checklist;

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
