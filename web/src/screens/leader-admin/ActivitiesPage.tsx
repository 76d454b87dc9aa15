import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatNumber } from '../../text/format';
import { leaderAdmin } from '../../text/leader-admin';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import { ActivityForm } from './ActivityForm';
import { slotsText, whereText } from './activity-text';
import { KindsSection } from './KindsSection';
import { activities, activityKinds, createActivity, failureText, housingAreas, type Activity, type ActivityKind, type ActivityPage, type HousingArea } from './leader-admin-api';
import './leader-admin.css';

const text = leaderAdmin.activities;

/** The plan's activities, a new one, and the plan's own kinds of activity. */
export function ActivitiesPage() {
  const [loaded, replace] = useLoad<ActivityPage>('activities', () => activities());
  const more = useMoreOfList(loaded, replace, (cursor) => activities(cursor));
  const [kinds, setKinds] = useState<ActivityKind[] | null>(null);
  const [areas, setAreas] = useState<HousingArea[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    activityKinds().then(setKinds, () => setKinds([]));
    housingAreas().then(setAreas, () => undefined);
  }, []);

  const create = async (body: Parameters<typeof createActivity>[0]) => {
    const activity = await createActivity(body);
    if (loaded.state === 'loaded') replace({ ...loaded.data, items: [activity, ...loaded.data.items] });
    setCreated(text.created(activity.name));
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <div aria-live="polite">{created && <Alert kind="success">{created}</Alert>}</div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          {loaded.data.items.length === 0 ? <Empty text={text.empty} /> : <ActivityTable items={loaded.data.items} areas={areas} />}
          <LoadMore more={more} label={text.more} describe={failureText} />
        </>
      )}
      <section className="admin-section" aria-labelledby="new-activity-heading">
        <h2 id="new-activity-heading">{text.newHeading}</h2>
        {kinds === null ? <Loading /> : <ActivityForm key={formKey} kinds={kinds} areas={areas} idPrefix="new-activity" submitLabel={leaderAdmin.activity.create} onSubmit={create} />}
      </section>
      <KindsSection kinds={kinds ?? []} onAdded={(kind) => setKinds((all) => [...(all ?? []), kind])} />
    </>
  );
}

function ActivityTable({ items, areas }: { items: Activity[]; areas: HousingArea[] }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra">
        <caption className="sr-only">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.name}</th>
            <th scope="col">{text.kind}</th>
            <th scope="col">{text.where}</th>
            <th scope="col">{text.slots}</th>
            <th scope="col">{text.capacity}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/aktiviteter/${a.id}`} aria-label={text.open(a.name)}>
                  {a.name}
                </Link>
              </th>
              <td>{a.kindLabel}</td>
              <td>{whereText(a, areas)}</td>
              <td>{slotsText(a)}</td>
              <td>{a.capacity === null ? text.noLimit : formatNumber(a.capacity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
