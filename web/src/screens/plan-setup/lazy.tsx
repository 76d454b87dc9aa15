import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../../components/Loading';

/* Setting up a plan is done by few people and seldom: its screens load when first opened, not with the first screen. */
const Checklist = lazy(() => import('./ChecklistPage').then((m) => ({ default: m.ChecklistPage })));
const Settings = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));
const HousingAreas = lazy(() => import('./HousingAreasPage').then((m) => ({ default: m.HousingAreasPage })));
const Organisations = lazy(() => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
const Plans = lazy(() => import('./PlansPage').then((m) => ({ default: m.PlansPage })));
const NewPlan = lazy(() => import('./NewPlanPage').then((m) => ({ default: m.NewPlanPage })));
const OnePlan = lazy(() => import('./PlanPage').then((m) => ({ default: m.PlanPage })));

const loading = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

export const ChecklistScreen = () => loading(<Checklist />);
export const SettingsScreen = () => loading(<Settings />);
export const HousingAreasScreen = () => loading(<HousingAreas />);
export const OrganisationsScreen = () => loading(<Organisations />);
export const PlansScreen = () => loading(<Plans />);
export const NewPlanScreen = () => loading(<NewPlan />);
export const PlanScreen = () => loading(<OnePlan />);
