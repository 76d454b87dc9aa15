import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* The social worker's screens load when a social worker first opens one, not with the first screen (bench/web-app.mjs). */
const Board = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));
const Programme = lazy(() => import('./ProgrammePage').then((m) => ({ default: m.ProgrammePage })));
const NewProgramme = lazy(() => import('./NewProgrammePage').then((m) => ({ default: m.NewProgrammePage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const BoardScreen = () => loading(<Board />);
export const ProgrammeScreen = () => loading(<Programme />);
export const NewProgrammeScreen = () => loading(<NewProgramme />);
