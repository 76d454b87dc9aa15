import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { formatDateTime, formatNumber } from '../../text/format';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../../app/use-load';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorForm } from './IndicatorForm';
import { indicatorValues, type Indicator, type IndicatorValue, type ReportPeriods } from './leader-report-api';
import { RecordValueForm } from './RecordValueForm';

const text = leaderReport.indicators;

/** "2026-H1" → "1. halvår 2026"; a year stays a year. */
export function periodName(period: string): string {
  const m = /^(\d{4})-H([12])$/.exec(period);
  return m ? leaderReport.half(Number(m[1]), Number(m[2]) as 1 | 2) : period;
}

/** One indicator: what it measures, its baseline and target (corrected in place), its values (corrections on request), a chart and the form to record a value. */
export function IndicatorCard({ indicator: i, plan, onEdited, onReload }: { indicator: Indicator; plan: ReportPeriods; onEdited: (edited: Indicator) => void; onReload: () => void }) {
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  const [loaded] = useLoad<IndicatorValue[]>(`${i.id}-${history}-${version}`, () => indicatorValues(i.id, history));
  const headingId = `indicator-${i.id}`;
  const baseline = i.baseline === null ? text.none_ : text.baselineValue(`${formatNumber(i.baseline)} ${i.unit}`, i.baselineYear, i.baselineSource);
  const target = i.target === null ? text.none_ : text.targetValue(`${formatNumber(i.target)} ${i.unit}`, i.targetYear);
  return (
    <section className="indicator-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{i.indicator}</h2>
      <dl className="indicator-facts">
        <div>
          <dt>{text.goal}</dt>
          <dd>{i.goal}</dd>
        </div>
        <div>
          <dt>{text.baseline}</dt>
          <dd>{baseline}</dd>
        </div>
        <div>
          <dt>{text.target}</dt>
          <dd>{target}</dd>
        </div>
        <div>
          <dt>{text.dataSource}</dt>
          <dd>{i.metric ? text.computed : i.dataSource}</dd>
        </div>
      </dl>
      {editing ? (
        <IndicatorForm indicator={i} onSaved={onEdited} onCancel={() => setEditing(false)} onReload={onReload} />
      ) : (
        <Button variant="secondary" aria-label={text.editLabel(i.indicator)} onClick={() => setEditing(true)}>
          {text.edit}
        </Button>
      )}
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <ValuesTable indicator={i} values={loaded.data} />
          <Button variant="tertiary" aria-pressed={history} onClick={() => setHistory(!history)}>
            {history ? text.hideHistory : text.showHistory}
          </Button>
          <IndicatorChart indicator={i} values={loaded.data.filter((v) => v.current)} plan={plan} />
        </>
      )}
      {!i.metric && <RecordValueForm indicator={i} plan={plan} onSaved={() => setVersion(version + 1)} />}
    </section>
  );
}

function ValuesTable({ indicator: i, values }: { indicator: Indicator; values: IndicatorValue[] }) {
  if (values.length === 0) return <p>{text.noValues}</p>;
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra report-table">
        <caption>{text.valuesCaption(i.indicator)}</caption>
        <thead>
          <tr>
            <th scope="col">{text.period}</th>
            <th scope="col" className="numeric">
              {text.value}
            </th>
            <th scope="col">{text.source}</th>
            <th scope="col">{text.note}</th>
            <th scope="col">{text.recorded}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.id} className={v.current ? undefined : 'indicator-replaced'}>
              <th scope="row">
                {periodName(v.period)}
                {v.revision > 1 && <span className="form-hint">{text.correction(v.revision)}</span>}
                {!v.current && <span className="form-hint">{text.replaced}</span>}
              </th>
              <td className="numeric">{formatNumber(v.value)}</td>
              <td>{v.source ?? i.dataSource}</td>
              <td>{v.note ?? ''}</td>
              <td>{formatDateTime(v.recordedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
