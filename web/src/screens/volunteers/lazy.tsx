import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* The volunteers' screens load when first opened: not part of the first screen's JavaScript. */
const VolunteerLog = lazy(() => import('./VolunteerLogPage').then((m) => ({ default: m.VolunteerLogPage })));
const VolunteerSummary = lazy(() => import('./VolunteerSummaryPage').then((m) => ({ default: m.VolunteerSummaryPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const VolunteerLogScreen = () => loading(<VolunteerLog />);
export const VolunteerSummaryScreen = () => loading(<VolunteerSummary />);
