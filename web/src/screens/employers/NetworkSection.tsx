import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty } from '../../components/Loading';
import { employers as text } from '../../text/employers';
import { formatCalendarDate } from '../../text/format';
import { ActionStatus } from '../social-worker/ActionStatus';
import { todayIso } from '../social-worker/dates';
import { useAction } from '../social-worker/use-action';
import { endMembership, joinNetwork, type EmployerDetails } from './employers-api';

/** The employer's periods in the plan's employer network: adding it for a period, and ending the running one. */
export function NetworkSection({ employer: e, onChanged }: { employer: EmployerDetails; onChanged: () => Promise<void> }) {
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState(todayIso());
  const action = useAction();
  const running = e.network.find((m) => m.to === null);
  const join = () =>
    void action.run(async () => {
      await joinNetwork(e.id, { from });
      await onChanged();
    }, text.networkSaved);
  const end = (membershipId: string) =>
    void action.run(async () => {
      await endMembership(e.id, membershipId, to);
      await onChanged();
    }, text.ended);
  return (
    <section aria-labelledby="network-heading">
      <h2 id="network-heading">{text.networkHeading}</h2>
      {e.network.length === 0 ? (
        <Empty text={text.noNetwork} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.networkCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.networkFrom}</th>
              <th scope="col">{text.networkTo}</th>
              <th scope="col">{text.networkCurrent}</th>
            </tr>
          </thead>
          <tbody>
            {e.network.map((m) => (
              <tr key={m.id}>
                <td>{formatCalendarDate(m.from)}</td>
                <td>{m.to ? formatCalendarDate(m.to) : text.untilFurther}</td>
                <td>{m.current ? text.yes : text.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="section-form">
        <ActionStatus action={action} />
        {running ? (
          <>
            <Field id="network-to" type="date" label={text.endField} value={to} onChange={(x) => setTo(x.target.value)} />
            <Button busy={action.busy} onClick={() => end(running.id)}>
              {text.endButton}
            </Button>
          </>
        ) : (
          <>
            <h3>{text.networkFormHeading}</h3>
            <Field id="network-from" type="date" label={text.networkFromField} value={from} onChange={(x) => setFrom(x.target.value)} />
            <Button busy={action.busy} onClick={join}>
              {text.networkButton}
            </Button>
          </>
        )}
      </div>
    </section>
  );
}
