import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../../app/use-load';
import { IndicatorCard } from './IndicatorCard';
import { IndicatorForm } from './IndicatorForm';
import { indicators, periods, type Indicator, type ReportPeriods } from './leader-report-api';
import './leader-report.css';

const text = leaderReport.indicators;

/** The plan's goals and indicators: baseline, target, each period's value with its source and corrections; adding and correcting them. */
export function IndicatorsPage() {
  const [reloads, setReloads] = useState(0);
  const [loaded, replace] = useLoad<[Indicator[], ReportPeriods]>(`indicators-${reloads}`, () => Promise.all([indicators(), periods()]));
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<{ message: string } | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  // The form that had focus is gone once saved: focus goes to what happened, not to the page's top.
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const put = (indicator: Indicator, message: string) => {
    if (loaded.state !== 'loaded') return;
    const [list, plan] = loaded.data;
    const known = list.some((i) => i.id === indicator.id);
    replace([known ? list.map((i) => (i.id === indicator.id ? indicator : i)) : [...list, indicator], plan]);
    // A new object each time, so saving the same indicator twice moves focus again.
    setSaved({ message });
  };

  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <div ref={savedRef} tabIndex={-1}>
        {saved && <Alert kind="success">{saved.message}</Alert>}
      </div>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          {adding ? (
            <IndicatorForm
              onSaved={(added) => {
                setAdding(false);
                put(added, text.added(added.indicator));
              }}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(null);
                setAdding(true);
              }}
            >
              {text.add}
            </Button>
          )}
          {loaded.data[0].length === 0 ? (
            <Empty text={text.none} />
          ) : (
            loaded.data[0].map((indicator) => (
              <IndicatorCard
                // A new version (saved here or fetched again) starts the card afresh, its form closed.
                key={`${indicator.id}-${indicator.version}`}
                indicator={indicator}
                plan={loaded.data[1]}
                onEdited={(edited) => put(edited, text.edited(edited.indicator))}
                onReload={() => setReloads(reloads + 1)}
              />
            ))
          )}
        </>
      )}
    </>
  );
}
