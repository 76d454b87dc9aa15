import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { leaderAdmin } from '../../text/leader-admin';
import { useLoad } from '../../app/use-load';
import { ActivityForm } from './ActivityForm';
import { slotsText, whereText } from './activity-text';
import { activity, activityKinds, failureText, housingAreas, updateActivity, type Activity, type ActivityKind, type HousingArea } from './leader-admin-api';
import { SessionsSection } from './SessionsSection';
import './leader-admin.css';

const text = leaderAdmin.activity;

/** One activity: what it is, its edit form (with the version read), and its sessions' head counts. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const [loaded, replace] = useLoad<Activity>(id, () => activity(id));
  const [kinds, setKinds] = useState<ActivityKind[] | null>(null);
  const [areas, setAreas] = useState<HousingArea[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    activityKinds().then(setKinds, () => setKinds([]));
    housingAreas().then(setAreas, () => undefined);
  }, []);

  const save = async (current: Activity, body: Parameters<typeof updateActivity>[1]) => {
    setSaved(null);
    const next = await updateActivity(current.id, {
      ...body,
      // What the form leaves empty is cleared, not kept.
      housingAreaId: body.housingAreaId ?? null,
      startsOn: body.startsOn ?? null,
      endsOn: body.endsOn ?? null,
      capacity: body.capacity ?? null,
      version: current.version,
    });
    replace(next);
    setSaved(text.saved);
  };

  return (
    <>
      <p>
        <Link to="/aktiviteter">{text.back}</Link>
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <PageHeading>{loaded.data.name}</PageHeading>
          <p>
            {loaded.data.kindLabel} · {whereText(loaded.data, areas)}
            {loaded.data.weeklySlots.length > 0 && ` · ${slotsText(loaded.data)}`}
          </p>
          <SessionsSection activityId={loaded.data.id} />
          <section className="admin-section" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{text.editHeading}</h2>
            <div aria-live="polite">{saved && <Alert kind="success">{saved}</Alert>}</div>
            {kinds === null ? (
              <Loading />
            ) : (
              <ActivityForm
                key={loaded.data.version}
                activity={loaded.data}
                kinds={kinds}
                areas={areas}
                idPrefix="edit-activity"
                submitLabel={text.save}
                onSubmit={(body) => save(loaded.data, body)}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
