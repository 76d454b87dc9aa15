import { type ComponentProps, lazy, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/*
 * The rights' code loads when a resident's page first shows them: it is not part of the first
 * screen's JavaScript (bench/web-app.mjs).
 */
const Rights = lazy(() => import('./ResidentRights').then((m) => ({ default: m.ResidentRights })));
const LogPage = lazy(() => import('./AccessLogPage').then((m) => ({ default: m.AccessLogPage })));

export function ResidentRights(props: ComponentProps<typeof Rights>) {
  return (
    <Suspense fallback={<Loading />}>
      <Rights {...props} />
    </Suspense>
  );
}

export function ResidentAccessLogScreen() {
  return (
    <Suspense fallback={<Loading />}>
      <LogPage />
    </Suspense>
  );
}
