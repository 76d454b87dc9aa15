/**
 * The feature areas of the API as the document groups them (each controller's @ApiTags), with what
 * each holds. An operation tagged with a name missing here fails `redocly lint` (operation-tag-defined).
 */
export const API_TAGS: readonly { name: string; description: string }[] = [
  { name: 'Auth', description: 'Sign-in with a password, a second factor (authenticator app, passkey, recovery code) or single sign-on (OpenID Connect, SAML); sessions, invitations and passwords.' },
  { name: 'Plans and people', description: "Plans (tenants), their housing areas, partner organisations and settings; users, invitations and approval of grants that read case notes." },
  { name: 'Residents', description: 'Residents of the housing areas, named or anonymous (a pseudonym), and their guardians.' },
  { name: 'Counselling', description: 'Open counselling: cases under the counting rule, conversations, referrals to partner organisations and their follow-up, topics.' },
  { name: 'Activities', description: 'Activities and their sessions, head counts at open-counselling slots, and enrolments.' },
  { name: 'Volunteers', description: "Help given by a partner organisation's volunteers (no resident, no name, no free text), their topics, the volunteers' coordinator and the counts." },
  { name: 'Consent', description: "Residents' consents to share with a partner organisation: given, withdrawn or expired, with their history." },
  { name: 'Job programmes', description: 'Leisure-job programmes (fritidsjobforløb) for youth: phases, conversations, employer matches, employment and hours worked.' },
  { name: 'Small jobs', description: 'Småjobs: a few hours a week (1-15) for an adult resident at one of the plan\'s employers, often the housing organisation; start, end and outcome.' },
  { name: 'Outreach', description: 'Door-to-door outreach lists handed over by the municipality: a legal basis and a short retention of their own, the people on them, each attempt and a counselling case opened from a talk.' },
  { name: 'Internships', description: 'Internships (praktikforløb) at an employer arranged for residents: period, hours, where the resident came from and the outcome.' },
  { name: 'Job centre', description: "The job centre's own caseload in the area (fremskudt jobcenter): enrolments in an effort, target group, active quarters, end reasons and figures." },
  { name: 'Employers', description: 'Employers the leisure-job programmes place youth with, and their cooperation agreements.' },
  { name: 'School calendar', description: 'The school holidays the young-worker rules judge weekly hours by.' },
  { name: 'Half-year statistics', description: "The plan's goals and indicators, and the half-year statistics report with its exports." },
  { name: 'Reminders', description: 'What is due for your role: evaluation conversations, consents about to expire and more.' },
  { name: "Residents' rights", description: "A resident's rights under the GDPR: the access log, an export of everything held, and erasure." },
  { name: 'Audit', description: "The append-only log of reads and changes of residents' personal data." },
  { name: 'Queue dashboard', description: "The platform admin's view of the background job queues." },
  { name: 'Health', description: 'Liveness and readiness for the orchestrator; no token needed.' },
];
