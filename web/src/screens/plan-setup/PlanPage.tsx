import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate } from '../../text/format';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { HousingAreasSection } from './HousingAreasSection';
import { LeaderInvitation } from './LeaderInvitation';
import { OrganisationsSection } from './OrganisationsSection';
import { PlanDetailsForm } from './PlanDetailsForm';
import { failureText, onePlan, type Plan } from './plan-setup-api';
import { usePlan } from './use-plan';
import './plan-setup.css';

const text = planSetup.plan;

/** One plan for the admin (/planer/:id): its name and period, housing areas, organisations and leader, and a way to its settings. */
export function PlanPage() {
  const { planId } = usePlan();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [loaded, replace] = useLoad<Plan>(planId, () => onePlan(planId));
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{planSetup.plans.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
        <Link to="/planer">{text.back}</Link>
      </>
    );
  }
  const plan = loaded.data;
  return (
    <>
      <p>
        <Link to="/planer">{text.back}</Link>
      </p>
      <PageHeading>{plan.name}</PageHeading>
      {created && <Alert kind="success">{text.created}</Alert>}
      <h2>{text.facts}</h2>
      <dl>
        <dt>{text.municipality}</dt>
        <dd>{plan.municipality}</dd>
        <dt>{text.period}</dt>
        <dd>{planSetup.period(formatCalendarDate(plan.validFrom), formatCalendarDate(plan.validTo))}</dd>
      </dl>
      <PlanDetailsForm plan={plan} onSaved={replace} />
      <p>
        <Link to={`/planer/${plan.id}/indstillinger`}>{text.settingsLink}</Link>
      </p>
      <h2>{planSetup.areas.heading}</h2>
      <HousingAreasSection planId={plan.id} asAdmin />
      <h2>{planSetup.organisations.heading}</h2>
      <OrganisationsSection planId={plan.id} asAdmin />
      <h2>{text.leaders}</h2>
      <LeaderInvitation planId={plan.id} />
    </>
  );
}
