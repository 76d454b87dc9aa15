import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/*
 * The leader's staff, audit and activity screens load when a leader first opens one: they are not
 * part of the first screen's JavaScript, which every counsellor's tablet downloads.
 */
const Staff = lazy(() => import('./StaffPage').then((m) => ({ default: m.StaffPage })));
const StaffMember = lazy(() => import('./StaffMemberPage').then((m) => ({ default: m.StaffMemberPage })));
const Audit = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));
const Activities = lazy(() => import('./ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })));
const Activity = lazy(() => import('./ActivityPage').then((m) => ({ default: m.ActivityPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const StaffScreen = () => loading(<Staff />);
export const StaffMemberScreen = () => loading(<StaffMember />);
export const AuditScreen = () => loading(<Audit />);
export const ActivitiesScreen = () => loading(<Activities />);
export const ActivityScreen = () => loading(<Activity />);
