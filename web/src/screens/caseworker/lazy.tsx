import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/*
 * The caseworker's screens load when a caseworker first opens one: they are not part of the first
 * screen's JavaScript (bench/web-app.mjs), which every counsellor's tablet downloads.
 */
const ReferralInbox = lazy(() => import('./ReferralInboxPage').then((m) => ({ default: m.ReferralInboxPage })));
const Referral = lazy(() => import('./ReferralPage').then((m) => ({ default: m.ReferralPage })));
const SharedResidents = lazy(() => import('./SharedResidentsPage').then((m) => ({ default: m.SharedResidentsPage })));
const SharedResident = lazy(() => import('./SharedResidentPage').then((m) => ({ default: m.SharedResidentPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const ReferralInboxScreen = () => loading(<ReferralInbox />);
export const ReferralScreen = () => loading(<Referral />);
export const SharedResidentsScreen = () => loading(<SharedResidents />);
export const SharedResidentScreen = () => loading(<SharedResident />);
