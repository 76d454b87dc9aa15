import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/*
 * The leader's report and indicator screens load when a leader first opens one: they (and their
 * charts) are not part of the first screen's JavaScript, which every counsellor's tablet downloads.
 */
const Reports = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));
const Report = lazy(() => import('./ReportPage').then((m) => ({ default: m.ReportPage })));
const Indicators = lazy(() => import('./IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const ReportsScreen = () => loading(<Reports />);
export const ReportScreen = () => loading(<Report />);
export const IndicatorsScreen = () => loading(<Indicators />);
