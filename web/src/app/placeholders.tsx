import { PageHeading } from '../components/PageHeading';

/**
 * Stand-ins for screens other work builds (counsellor/, caseworker/, sign-in's /set-password):
 * replace the element in routes.tsx with the real screen.
 */
export const Placeholder = ({ heading }: { heading: string }) => <PageHeading>{heading}</PageHeading>;
