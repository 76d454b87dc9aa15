import { Alert } from '../../components/Alert';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { leaderReport } from '../../text/leader-report';
import { failureText } from '../caseworker/caseworker-api';
import { useLoad } from '../caseworker/use-load';
import { IndicatorCard } from './IndicatorCard';
import { indicators, periods, type Indicator, type ReportPeriods } from './leader-report-api';
import './leader-report.css';

const text = leaderReport.indicators;

/** The plan's goals and indicators: baseline, target, each period's value with its source and corrections. */
export function IndicatorsPage() {
  const [loaded] = useLoad<[Indicator[], ReportPeriods]>('indicators', () => Promise.all([indicators(), periods()]));
  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' &&
        (loaded.data[0].length === 0 ? (
          <Empty text={text.none} />
        ) : (
          loaded.data[0].map((indicator) => <IndicatorCard key={indicator.id} indicator={indicator} plan={loaded.data[1]} />)
        ))}
    </>
  );
}
