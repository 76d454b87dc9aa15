import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COMPARTMENTS } from '../access/roles';
import { ENROLMENT_OUTCOMES } from '../activities/activity-kinds';
import { actionLabel, purposeLabel } from '../audit/audit-labels';
import { CONSENT_SCOPES } from '../consents/consent.entity';
import { REFERRAL_STATUSES } from '../counselling/referrals/referral-status-machine';
import { CONTACT_CHANNELS, COUNSELLING_FORMS } from '../counselling/topics';
import { CRITERIA, END_REASONS, TARGET_GROUPS } from '../jobcentre/jobcentre-rules';
import { INTERNSHIP_OUTCOMES } from '../internships/internship-rules';
import { SMALL_JOB_OUTCOMES } from '../small-jobs/small-job-rules';
import { ATTEMPT_OUTCOMES } from '../outreach/outreach-rules';
import { MATCH_UPDATES } from '../job-programmes/dto/programme-activity.dto';
import { CONVERSATION_KINDS, CONVERSATION_PARTICIPANTS } from '../job-programmes/entities/job-programme-conversation.entity';
import { MATCH_STATUSES } from '../job-programmes/entities/job-programme-match.entity';
import { PHASES } from '../job-programmes/phase-machine';
import { ERASURE_REQUEST_REASONS } from '../residents/erasure-reasons';
import { GUARDIAN_RELATIONS } from '../residents/guardian.entity';
import { REFERRED_FROM } from '../residents/referred-from';
import { GENDERS } from '../residents/resident.entity';
import { addLabels, COPY_SHAPE } from './document-labels';

type Tree = { [key: string]: Tree | string };
const at = (...keys: string[]): Record<string, string> => keys.reduce((node: Tree, key) => node[key] as Tree, COPY_SHAPE as Tree) as Record<string, string>;

/** Every TypeScript file of the service but the tests. */
function sources(dir = path.resolve('src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [file] : [];
  });
}

/** The audit actions whose events name a resident, so their access log shows them. */
const RESIDENT_FAMILIES = /^(resident|guardian|consent|counselling_[a-z_]+|internship|jobcentre_enrolment|small_job|outreach_[a-z_]+|job_programme|activity_session|activity_visit|activity_enrolment|reminder|read|answer|audit_log)\./;

describe("the Danish words of a resident's documents", () => {
  it.each([
    [['resident', 'gender'], GENDERS],
    [['resident', 'compartment'], COMPARTMENTS],
    [['resident', 'erasureReason'], [...ERASURE_REQUEST_REASONS, 'retention']],
    [['guardians', 'relation'], GUARDIAN_RELATIONS],
    [['consents', 'scope'], CONSENT_SCOPES],
    [['counsellingCases', 'form'], COUNSELLING_FORMS],
    [['counsellingCases', 'referredFrom'], REFERRED_FROM],
    [['counsellingCases', 'contacts', 'channel'], CONTACT_CHANNELS],
    [['counsellingCases', 'referrals', 'status'], REFERRAL_STATUSES],
    [['jobProgrammes', 'phase'], PHASES],
    [['jobProgrammes', 'conversations', 'kind'], CONVERSATION_KINDS],
    [['jobProgrammes', 'conversations', 'participants'], CONVERSATION_PARTICIPANTS],
    [['jobProgrammes', 'matches', 'status'], MATCH_STATUSES],
    [['internships', 'outcome'], INTERNSHIP_OUTCOMES],
    [['jobcentreEnrolments', 'targetGroup'], TARGET_GROUPS],
    [['jobcentreEnrolments', 'criteriaMet'], CRITERIA],
    [['jobcentreEnrolments', 'endReason'], END_REASONS],
    [['smallJobs', 'outcome'], SMALL_JOB_OUTCOMES],
    [['outreach', 'attempts', 'outcome'], ATTEMPT_OUTCOMES],
    [['activities', 'enrolments', 'outcome'], ENROLMENT_OUTCOMES],
  ])('has words for every value of %j', (keys, values) => {
    const labels = at(...(keys as string[]));
    expect((values as readonly string[]).filter((v) => !labels[v])).toEqual([]);
  });

  it("keeps a plan's own label, labels a list of codes, and leaves a missing value unlabelled", () => {
    const copy = {
      counsellingCases: [{ topic: 'tenants_club', topicLabel: 'Beboerklubben', form: 'appointment', status: 'open', referredFrom: null, contacts: [], referrals: [] }],
      jobProgrammes: [{ phase: 'matching', conversations: [{ kind: 'interview', participants: ['youth', 'employer'] }] }],
    };
    addLabels(copy);
    expect(copy.counsellingCases[0]).toMatchObject({ topicLabel: 'Beboerklubben', formLabel: 'Rådgivning efter aftale', statusLabel: 'Åben', referredFromLabel: null });
    expect(copy.jobProgrammes[0]).toMatchObject({ phaseLabel: 'Match og jobsamtale', conversations: [{ kindLabel: 'Jobsamtale', participantsLabel: ['Den unge', 'Arbejdsgiver'] }] });
  });

  it("has Danish words for every action and purpose a resident's access log can show", () => {
    const code = sources().map((file) => readFileSync(file, 'utf8')).join('\n');
    const actions = [...new Set([...code.matchAll(/action: '([a-z_.]+)'/g)].map((m) => m[1]))].filter((a) => RESIDENT_FAMILIES.test(a));
    const matchActions = MATCH_UPDATES.map((status) => `job_programme.match_${status}`);
    expect(actions.length).toBeGreaterThan(30);
    expect([...actions, ...matchActions].filter((a) => actionLabel(a) === a)).toEqual([]);
    const purposes = [...new Set([...code.matchAll(/(?:PURPOSE|RETENTION) = '([a-z_]+)'|purpose: '([a-z_]+)'/g)].map((m) => m[1] ?? m[2]))];
    // Sign-in and user management are about staff, never about a resident.
    expect(purposes.filter((p) => p !== 'user_management' && purposeLabel(p) === p)).toEqual([]);
  });
});
