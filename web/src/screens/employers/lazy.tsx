import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* The employer register's screens load when a counsellor or social worker first opens one. */
const Employers = lazy(() => import('./EmployersPage').then((m) => ({ default: m.EmployersPage })));
const Employer = lazy(() => import('./EmployerPage').then((m) => ({ default: m.EmployerPage })));
const NetworkMeetings = lazy(() => import('./NetworkMeetingsPage').then((m) => ({ default: m.NetworkMeetingsPage })));
const CsrAwards = lazy(() => import('./CsrAwardsPage').then((m) => ({ default: m.CsrAwardsPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const EmployersScreen = () => loading(<Employers />);
export const EmployerScreen = () => loading(<Employer />);
export const CsrAwardsScreen = () => loading(<CsrAwards />);
export const NetworkMeetingsScreen = () => loading(<NetworkMeetings />);
