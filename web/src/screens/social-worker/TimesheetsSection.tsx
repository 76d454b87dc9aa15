import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty } from '../../components/Loading';
import { formatCalendarDate, formatDate, formatNumber } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { mondayOf, todayIso } from './dates';
import { correctTimesheet, recordTimesheet, type Programme, type Timesheet } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.timesheets;
const hoursOf = (value: string) => Number(value.replace(',', '.'));

/** The weeks' hours, each with its warnings and the hours a correction replaced; a new week, and correcting a wrong one. */
export function TimesheetsSection({ p, onChange }: { p: Programme; onChange: () => Promise<void> }) {
  const [weekStart, setWeekStart] = useState(mondayOf(todayIso()));
  const [hours, setHours] = useState('');
  const [correcting, setCorrecting] = useState<Timesheet | null>(null);
  const [corrected, setCorrected] = useState('');
  const action = useAction();
  const running = p.nextStep !== null;
  const add = () =>
    void action.run(async () => {
      await recordTimesheet(p.id, { weekStart: mondayOf(weekStart), hours: hoursOf(hours) });
      setHours('');
      await onChange();
    }, text.added);
  const saveCorrection = (t: Timesheet) =>
    void action.run(async () => {
      await correctTimesheet(p.id, t.id, { hours: hoursOf(corrected), version: t.version });
      setCorrecting(null);
      await onChange();
    }, text.corrected);
  return (
    <>
      <ActionStatus action={action} />
      {p.timesheets.length === 0 ? (
        <Empty text={text.none} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.week}</th>
              <th scope="col">{text.hours}</th>
              <th scope="col">{text.warnings}</th>
              <th scope="col">{text.earlier}</th>
              {running && <th scope="col">{text.actions}</th>}
            </tr>
          </thead>
          <tbody>
            {p.timesheets.map((t) => {
              const week = formatCalendarDate(t.weekStart);
              return (
                <tr key={t.id}>
                  <td>{week}</td>
                  <td>{formatNumber(t.hours)}</td>
                  <td>{t.warnings.map((w) => w.message).join(' ')}</td>
                  <td>{t.corrections.map((c) => text.earlierValue(formatNumber(c.hours), formatDate(c.recordedAt))).join('; ')}</td>
                  {running && (
                    <td>
                      {correcting?.id === t.id ? (
                        <>
                          <Field id={`correct-${t.id}`} inputMode="decimal" label={text.correctField(week)} value={corrected} onChange={(e) => setCorrected(e.target.value)} />
                          <Button busy={action.busy} onClick={() => saveCorrection(t)}>
                            {text.save}
                          </Button>{' '}
                          <Button variant="tertiary" onClick={() => setCorrecting(null)}>
                            {text.cancel}
                          </Button>
                        </>
                      ) : (
                        <Button
                          variant="secondary"
                          onClick={() => {
                            setCorrecting(t);
                            setCorrected(formatNumber(t.hours));
                          }}
                        >
                          {text.correct(week)}
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {running && p.employment && (
        <div className="section-form">
          <Field id="timesheet-week" type="date" label={text.weekField} value={weekStart} onChange={(e) => setWeekStart(e.target.value)} />
          <Field id="timesheet-hours" inputMode="decimal" label={text.hoursField} value={hours} onChange={(e) => setHours(e.target.value)} />
          <Button busy={action.busy} onClick={add}>
            {text.add}
          </Button>
        </div>
      )}
    </>
  );
}
