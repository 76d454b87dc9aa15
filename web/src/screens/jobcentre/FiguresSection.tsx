import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../app/use-load';
import { endReasons, jobcentre, targetGroups } from '../../text/jobcentre';
import { failureText, figurePeriods, figures, todayInDenmark, type Figures } from './jobcentre-api';

const text = jobcentre.figures;

const periodLabel = (p: string) => (p.includes('-Q') ? text.quarter(p) : text.half(p));
const percent = (share: number | null | undefined) => (share === null || share === undefined ? text.noRate : `${(share * 100).toLocaleString('da-DK', { maximumFractionDigits: 1 })} %`);

/** Covered, active, the activation rate, started, and the breakdowns, for a quarter or a half-year. */
export function FiguresSection() {
  const periods = figurePeriods(todayInDenmark());
  const [choice, setChoice] = useState(periods[0]);
  const [period, setPeriod] = useState(periods[0]);
  const [loaded] = useLoad<Figures>(period, () => figures(period));
  const show = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(choice);
  };
  return (
    <section aria-labelledby="figures-heading" className="figures">
      <h2 id="figures-heading">{text.heading}</h2>
      <form className="search-row" onSubmit={show}>
        <SelectField id="figures-period" label={text.periodLabel} value={choice} onChange={(e) => setChoice(e.target.value)} options={periods.map((p) => [p, periodLabel(p)] as const)} />
        <Button type="submit" variant="secondary">
          {text.show}
        </Button>
      </form>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <table className="table">
            <caption>{periodLabel(loaded.data.period)}</caption>
            <tbody>
              <tr>
                <th scope="row">{text.covered}</th>
                <td>{loaded.data.covered}</td>
              </tr>
              <tr>
                <th scope="row">{text.active}</th>
                <td>{loaded.data.active}</td>
              </tr>
              <tr>
                <th scope="row">{text.activationRate}</th>
                <td>{percent(loaded.data.activationRate)}</td>
              </tr>
              <tr>
                <th scope="row">{text.started}</th>
                <td>{loaded.data.started}</td>
              </tr>
            </tbody>
          </table>
          <CountTable caption={text.byTargetGroup} header={jobcentre.list.targetGroup} counts={loaded.data.byTargetGroup} labels={targetGroups} />
          <CountTable caption={text.endedByReason} header={jobcentre.enrolment.reason} counts={loaded.data.endedByReason} labels={endReasons} />
        </>
      )}
    </section>
  );
}

function CountTable({ caption, header, counts, labels }: { caption: string; header: string; counts: Partial<Record<string, number | string>>; labels: Record<string, string> }) {
  return (
    <table className="table table--zebra">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col">{text.count}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(labels).map(([key, label]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{counts[key] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
