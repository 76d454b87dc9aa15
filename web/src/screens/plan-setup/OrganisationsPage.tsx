import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { planSetup } from '../../text/plan-setup';
import { OrganisationsSection } from './OrganisationsSection';
import { usePlan } from './use-plan';

/** The leader's partner organisations (/plan/organisationer): correct them; the platform admin adds new ones. */
export function OrganisationsPage() {
  const { planId, asAdmin } = usePlan();
  return (
    <>
      <p>
        <Link to="/plan">{planSetup.settings.back}</Link>
      </p>
      <PageHeading>{planSetup.organisations.heading}</PageHeading>
      <p>{planSetup.organisations.intro}</p>
      <OrganisationsSection planId={planId} asAdmin={asAdmin} />
    </>
  );
}
