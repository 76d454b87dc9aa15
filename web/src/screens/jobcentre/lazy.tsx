import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* The caseworker's caseload screens load when a caseworker first opens one, like the inbox's. */
const Caseload = lazy(() => import('./CaseloadPage').then((m) => ({ default: m.CaseloadPage })));
const Register = lazy(() => import('./RegisterPage').then((m) => ({ default: m.RegisterPage })));
const Enrolment = lazy(() => import('./EnrolmentPage').then((m) => ({ default: m.EnrolmentPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const CaseloadScreen = () => loading(<Caseload />);
export const RegisterEnrolmentScreen = () => loading(<Register />);
export const EnrolmentScreen = () => loading(<Enrolment />);
