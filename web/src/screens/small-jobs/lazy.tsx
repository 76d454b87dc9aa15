import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* The småjobs screen loads when a counsellor first opens it, not with the first screen (bench/web-app.mjs). */
const SmallJobs = lazy(() => import('./SmallJobsPage').then((m) => ({ default: m.SmallJobsPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const SmallJobsScreen = () => loading(<SmallJobs />);
