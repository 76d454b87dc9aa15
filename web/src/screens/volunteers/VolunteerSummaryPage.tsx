import { useState } from 'react';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/use-load';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { formatCalendarDate, formatNumber } from '../../text/format';
import { volunteers } from '../../text/volunteers';
import { CoordinatorSection } from './CoordinatorSection';
import { PERIODS, periodDays, type PeriodChoice } from './periods';
import { TopicsSection } from './TopicsSection';
import { failureText, isProblem, summary } from './volunteers-api';
import './volunteers.css';

const text = volunteers.summary;
const todayInDenmark = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

/**
 * The volunteers' help as counts for a period, for the leader and the coordinator the leader
 * names; the leader also names the coordinator and adds the plan's own topics here.
 */
export function VolunteerSummaryPage() {
  const { me } = useSession();
  const [choice, setChoice] = useState<PeriodChoice>('half');
  const period = periodDays(choice, todayInDenmark());
  const [loaded] = useLoad(`${period.from}:${period.to}`, () => summary(period.from, period.to));
  const isLeader = me?.role === 'leader';
  return (
    <div className="volunteer-summary">
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <SelectField id="summary-period" label={text.period} value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)} options={PERIODS.map((p) => [p, text.periods[p]] as const)} />
      <p>
        {formatCalendarDate(period.from)} – {formatCalendarDate(period.to)}
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind={isProblem(loaded.error, 'not_volunteer_coordinator') ? 'info' : 'error'}>{isProblem(loaded.error, 'not_volunteer_coordinator') ? text.notCoordinator : failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <table className="table table--compact figures">
            <caption>{text.figuresCaption}</caption>
            <tbody>
              <tr>
                <th scope="row">{text.entries}</th>
                <td>{formatNumber(loaded.data.entries)}</td>
              </tr>
              <tr>
                <th scope="row">{text.escorts}</th>
                <td>{formatNumber(loaded.data.escorts)}</td>
              </tr>
              <tr>
                <th scope="row">{text.minutes}</th>
                <td>{formatNumber(loaded.data.minutes)}</td>
              </tr>
              <tr>
                <th scope="row">{text.activeVolunteers}</th>
                <td>{formatNumber(loaded.data.activeVolunteers)}</td>
              </tr>
            </tbody>
          </table>
          {loaded.data.entries === 0 ? (
            <p>{text.noEntries}</p>
          ) : (
            <table className="table table--compact figures">
              <caption>{text.byTopicCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.topic}</th>
                  <th scope="col">{text.count}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(loaded.data.byTopic)
                  .sort(([, a], [, b]) => b - a)
                  .map(([key, count]) => (
                    <tr key={key}>
                      <th scope="row">{loaded.data.topicLabels[key] ?? key}</th>
                      <td>{formatNumber(count)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {isLeader && <CoordinatorSection />}
      {isLeader && <TopicsSection />}
    </div>
  );
}
