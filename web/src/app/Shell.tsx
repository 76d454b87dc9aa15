import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../components/Button';
import { outbox } from '../outbox/outbox';
import { SignOutWarning } from '../outbox/SignOutWarning';
import { common } from '../text/common';
import { signIn } from '../text/sign-in';
import type { Role } from './roles';
import { useSession } from './session';
import { useSeesVolunteerCounts } from './volunteer-coordinator';

interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path, not on the paths below it (/plan is not /plan/omraader). */
  end?: boolean;
}

/** Shown to the leader and the named volunteers' coordinator only (the others would meet a notice there). */
const VOLUNTEER_COUNTS = '/frivillige';

/** Each role's main navigation; a role without screens yet has only the front page. Add a screen's entry here. */
export const NAVIGATION: Partial<Record<Role, NavItem[]>> = {
  counsellor: [
    { to: '/i-dag', label: common.nav.today },
    { to: '/beboere', label: common.nav.residents },
    { to: '/sager', label: common.nav.cases },
    { to: '/virksomheder', label: common.nav.employers },
    { to: '/smaajobs', label: common.nav.smallJobs },
    { to: '/opsoegende', label: common.nav.outreach },
    { to: '/frivillige', label: common.nav.volunteers },
  ],
  leader: [
    { to: '/plan', label: common.nav.planSetup, end: true },
    { to: '/rapport', label: common.nav.halfYearReport },
    { to: '/indikatorer', label: common.nav.indicators },
    { to: '/aktiviteter', label: common.nav.activities },
    { to: '/personale', label: common.nav.staff },
    { to: '/haendelser', label: common.nav.auditEvents },
    { to: '/frivillige', label: common.nav.volunteers },
    { to: '/virksomheder/csr-pris', label: common.nav.csrAward },
    { to: '/plan/omraader', label: common.nav.housingAreas },
    { to: '/plan/organisationer', label: common.nav.organisations },
    { to: '/plan/indstillinger', label: common.nav.planSettings },
  ],
  admin: [{ to: '/planer', label: common.nav.plans }],
  caseworker: [
    { to: '/henvisninger', label: common.nav.referrals },
    { to: '/delte-beboere', label: common.nav.sharedResidents },
    { to: '/jobcenter', label: common.nav.jobcentre },
  ],
  social_worker: [
    { to: '/forloeb', label: common.nav.programmes },
    { to: '/virksomheder', label: common.nav.employers },
    { to: '/frivillige', label: common.nav.volunteers },
  ],
  volunteer: [{ to: '/frivillig', label: common.nav.volunteerLog }],
};

/** The frame of every signed-in page: skip link, header with the user and "Log ud", the role's navigation, <main id="indhold">. */
export function Shell() {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const seesVolunteers = useSeesVolunteerCounts(me);
  const items = ((me && NAVIGATION[me.role]) ?? [{ to: '/', label: common.nav.home }]).filter((item) => item.to !== VOLUNTEER_COUNTS || seesVolunteers);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const logOut = async (confirmed = false) => {
    // Queued conversations live in memory only: signing out with something waiting loses it, so ask first.
    if (!confirmed && outbox.waitingCount() > 0) {
      setConfirmingSignOut(true);
      return;
    }
    if (confirmed) outbox.dropConversations();
    setConfirmingSignOut(false);
    outbox.connect(null, null);
    await signOut();
    navigate('/log-ind', { replace: true });
  };
  return (
    <>
      <a className="skipnav" href="#indhold">
        {common.skipLink}
      </a>
      <header className="header">
        <div className="portal-header">
          <div className="container portal-header-inner">
            <p className="h3 service-name">{common.serviceName}</p>
            {me && (
              <div className="portal-info">
                <p className="portal-user">{common.signedInAs(me.name, common.roles[me.role])}</p>
                <Link to="/mit-login">{signIn.securityTitle}</Link>
                <Button variant="secondary" onClick={() => void logOut()}>
                  {common.signOut}
                </Button>
              </div>
            )}
            {confirmingSignOut && <SignOutWarning onConfirm={() => void logOut(true)} onCancel={() => setConfirmingSignOut(false)} />}
          </div>
        </div>
        <nav className="navigation-menu" aria-label={common.mainNavigation}>
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="nav-link" end={item.end ?? item.to === '/'}>
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </header>
      <main id="indhold" className="container page-container" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
