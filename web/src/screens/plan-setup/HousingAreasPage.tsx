import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { planSetup } from '../../text/plan-setup';
import { HousingAreasSection } from './HousingAreasSection';
import { usePlan } from './use-plan';

/** The leader's housing areas (/plan/omraader): correct them; the platform admin adds new ones. */
export function HousingAreasPage() {
  const { planId, asAdmin } = usePlan();
  return (
    <>
      <p>
        <Link to="/plan">{planSetup.settings.back}</Link>
      </p>
      <PageHeading>{planSetup.areas.heading}</PageHeading>
      <p>{planSetup.areas.intro}</p>
      <HousingAreasSection planId={planId} asAdmin={asAdmin} />
    </>
  );
}
