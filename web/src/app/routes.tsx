import { Route, Routes } from 'react-router';
import { ChecklistScreen, HousingAreasScreen, NewPlanScreen, OrganisationsScreen, PlanScreen, PlansScreen, SettingsScreen } from '../screens/plan-setup/lazy';
import { ReferralInboxScreen, ReferralScreen, SharedResidentScreen, SharedResidentsScreen } from '../screens/caseworker/lazy';
import { CaseloadScreen, EnrolmentScreen, RegisterEnrolmentScreen } from '../screens/jobcentre/lazy';
import { ResidentAccessLogScreen } from '../screens/resident-rights/lazy';
import { ActivitiesScreen, ActivityScreen, AuditScreen, StaffMemberScreen, StaffScreen } from '../screens/leader-admin/lazy';
import { IndicatorsScreen, ReportScreen, ReportsScreen } from '../screens/leader-report/lazy';
import { BoardScreen, ProgrammeScreen } from '../screens/social-worker/lazy';
import { CsrAwardsScreen, EmployerScreen, EmployersScreen, NetworkMeetingsScreen } from '../screens/employers/lazy';
import { NewProgrammeScreen } from '../screens/social-worker/lazy';
import { VolunteerLogScreen, VolunteerSummaryScreen } from '../screens/volunteers/lazy';
import { CaseScreen } from '../screens/counsellor/CaseScreen';
import { CasesScreen } from '../screens/counsellor/CasesScreen';
import { CounsellorArea } from '../screens/counsellor/CounsellorArea';
import { ResidentScreen } from '../screens/counsellor/ResidentScreen';
import { ResidentsScreen } from '../screens/counsellor/ResidentsScreen';
import { TodayScreen } from '../screens/counsellor/TodayScreen';
import { SmallJobsScreen } from '../screens/small-jobs/lazy';
import { OutreachListScreen, OutreachListsScreen } from '../screens/outreach/lazy';
import { SetPasswordPage } from '../screens/sign-in/SetPasswordPage';
import { SecurityPage } from '../screens/sign-in/SecurityPage';
import { SignInPage } from '../screens/sign-in/SignInPage';
import { SsoLandingPage } from '../screens/sign-in/SsoLandingPage';
import { RequireRole } from './guards';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

/**
 * Every route of the app. A screen family adds its routes inside the Shell, wrapped in
 * <RequireRole roles={[...]}> (signed-out users go to /log-ind and come back), and its entry in
 * Shell's NAVIGATION. The service answers index.html for every path (src/web-app/), so each of
 * these survives a reload.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/log-ind" element={<SignInPage />} />
      <Route path="/log-ind/sso" element={<SsoLandingPage />} />
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route element={<Shell />}>
        <Route
          index
          element={
            <RequireRole>
              <HomePage />
            </RequireRole>
          }
        />
        {/* sign-in/: every role's own second factors and recovery codes */}
        <Route path="/mit-login" element={<RequireRole><SecurityPage /></RequireRole>} />
        {/* counsellor/ */}
        <Route element={<RequireRole roles={['counsellor']}><CounsellorArea /></RequireRole>}>
          <Route path="/i-dag" element={<TodayScreen />} />
          <Route path="/beboere" element={<ResidentsScreen />} />
          <Route path="/beboere/:id" element={<ResidentScreen />} />
          <Route path="/sager" element={<CasesScreen />} />
          <Route path="/sager/:id" element={<CaseScreen />} />
          {/* small-jobs/ and outreach/: adults' småjobs, and door-to-door outreach lists */}
          <Route path="/smaajobs" element={<SmallJobsScreen />} />
          <Route path="/opsoegende" element={<OutreachListsScreen />} />
          <Route path="/opsoegende/:id" element={<OutreachListScreen />} />
        </Route>
        {/* caseworker/ */}
        <Route path="/henvisninger" element={<RequireRole roles={['caseworker']}><ReferralInboxScreen /></RequireRole>} />
        <Route path="/henvisninger/:id" element={<RequireRole roles={['caseworker']}><ReferralScreen /></RequireRole>} />
        <Route path="/delte-beboere" element={<RequireRole roles={['caseworker']}><SharedResidentsScreen /></RequireRole>} />
        <Route path="/delte-beboere/:id" element={<RequireRole roles={['caseworker']}><SharedResidentScreen /></RequireRole>} />
        {/* jobcentre/ */}
        <Route path="/jobcenter" element={<RequireRole roles={['caseworker']}><CaseloadScreen /></RequireRole>} />
        <Route path="/jobcenter/ny" element={<RequireRole roles={['caseworker']}><RegisterEnrolmentScreen /></RequireRole>} />
        <Route path="/jobcenter/:id" element={<RequireRole roles={['caseworker']}><EnrolmentScreen /></RequireRole>} />
        {/* resident-rights/: the leader's view of a resident's access log (the owners' is on the resident's page) */}
        <Route path="/beboere/:id/adgangslog" element={<RequireRole roles={['leader']}><ResidentAccessLogScreen /></RequireRole>} />
        {/* leader-admin/: staff, audit events, activities */}
        <Route path="/personale" element={<RequireRole roles={['leader']}><StaffScreen /></RequireRole>} />
        <Route path="/personale/:id" element={<RequireRole roles={['leader']}><StaffMemberScreen /></RequireRole>} />
        <Route path="/haendelser" element={<RequireRole roles={['leader']}><AuditScreen /></RequireRole>} />
        <Route path="/aktiviteter" element={<RequireRole roles={['leader']}><ActivitiesScreen /></RequireRole>} />
        <Route path="/aktiviteter/:id" element={<RequireRole roles={['leader']}><ActivityScreen /></RequireRole>} />
        {/* plan-setup/: the admin provisions plans; the leader's checklist, settings, housing areas and organisations */}
        <Route path="/planer" element={<RequireRole roles={['admin']}><PlansScreen /></RequireRole>} />
        <Route path="/planer/ny" element={<RequireRole roles={['admin']}><NewPlanScreen /></RequireRole>} />
        <Route path="/planer/:id" element={<RequireRole roles={['admin']}><PlanScreen /></RequireRole>} />
        <Route path="/planer/:id/indstillinger" element={<RequireRole roles={['admin']}><SettingsScreen /></RequireRole>} />
        <Route path="/plan" element={<RequireRole roles={['leader']}><ChecklistScreen /></RequireRole>} />
        <Route path="/plan/indstillinger" element={<RequireRole roles={['leader']}><SettingsScreen /></RequireRole>} />
        <Route path="/plan/omraader" element={<RequireRole roles={['leader']}><HousingAreasScreen /></RequireRole>} />
        <Route path="/plan/organisationer" element={<RequireRole roles={['leader']}><OrganisationsScreen /></RequireRole>} />
        {/* leader-report/ */}
        <Route path="/rapport" element={<RequireRole roles={['leader']}><ReportsScreen /></RequireRole>} />
        <Route path="/rapport/:id" element={<RequireRole roles={['leader']}><ReportScreen /></RequireRole>} />
        <Route path="/indikatorer" element={<RequireRole roles={['leader']}><IndicatorsScreen /></RequireRole>} />
        {/* social-worker/ */}
        <Route path="/forloeb" element={<RequireRole roles={['social_worker']}><BoardScreen /></RequireRole>} />
        <Route path="/forloeb/nyt" element={<RequireRole roles={['social_worker']}><NewProgrammeScreen /></RequireRole>} />
        <Route path="/forloeb/:id" element={<RequireRole roles={['social_worker']}><ProgrammeScreen /></RequireRole>} />
        {/* volunteers/: the volunteer's log on a phone; the counts for the leader and the coordinator */}
        <Route path="/frivillig" element={<RequireRole roles={['volunteer']}><VolunteerLogScreen /></RequireRole>} />
        <Route path="/frivillige" element={<RequireRole roles={['leader', 'counsellor', 'social_worker']}><VolunteerSummaryScreen /></RequireRole>} />
        {/* employers/: the plan's one employer register, kept by counsellors and social workers; the leader sees and gives the CSR prize */}
        <Route path="/virksomheder" element={<RequireRole roles={['counsellor', 'social_worker']}><EmployersScreen /></RequireRole>} />
        <Route path="/virksomheder/csr-pris" element={<RequireRole roles={['counsellor', 'social_worker', 'leader']}><CsrAwardsScreen /></RequireRole>} />
        <Route path="/virksomheder/netvaerksmoeder" element={<RequireRole roles={['counsellor', 'social_worker']}><NetworkMeetingsScreen /></RequireRole>} />
        <Route path="/virksomheder/:id" element={<RequireRole roles={['counsellor', 'social_worker']}><EmployerScreen /></RequireRole>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
