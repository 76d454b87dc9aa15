import { useParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { rights } from '../../text/resident-rights';
import { ResidentRights } from './ResidentRights';

/**
 * /beboere/:id/adgangslog for the plan's leader, who may read a resident's access log but not
 * their name or data (the API names nobody to the leader): for oversight, linked from where the
 * leader meets a resident's id (the plan's audit events).
 */
export function AccessLogPage() {
  const { id = '' } = useParams();
  return (
    <>
      <PageHeading>{rights.leaderHeading}</PageHeading>
      <ResidentRights residentId={id} />
    </>
  );
}
