import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* The outreach screens load when a counsellor first opens one, not with the first screen (bench/web-app.mjs). */
const Lists = lazy(() => import('./OutreachListsPage').then((m) => ({ default: m.OutreachListsPage })));
const List = lazy(() => import('./OutreachListPage').then((m) => ({ default: m.OutreachListPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const OutreachListsScreen = () => loading(<Lists />);
export const OutreachListScreen = () => loading(<List />);
