import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatCalendarDate } from '../../text/format';
import { planSetup } from '../../text/plan-setup';
import { useLoad } from '../../app/use-load';
import { failureText, plans, type Plan } from './plan-setup-api';

const text = planSetup.plans;

/** The admin's first screen (/planer): every plan on the platform, and the way to a new one. */
export function PlansPage() {
  const [loaded] = useLoad<Plan[]>('plans', plans);
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <p>
        <Link className="button button-primary" to="/planer/ny">
          {text.create}
        </Link>
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data.length === 0 ? (
          <Empty text={text.empty} />
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption className="sr-only">{text.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.municipality}</th>
                  <th scope="col">{text.period}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/planer/${p.id}`}>{p.name}</Link>
                    </th>
                    <td>{p.municipality}</td>
                    <td>{planSetup.period(formatCalendarDate(p.validFrom), formatCalendarDate(p.validTo))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
