import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { CASE_STATUS, CHANNELS, FORMS, REFERRAL_STATUS, TOPICS, caseView as text } from '../../text/counsellor';
import { counsellorApi, newKey, type CaseDetail, type Organisation, type Resident } from './counsellor-api';
import { ContactForm } from './ContactForm';
import { useProblemText } from './problems';
import { ReferralForm } from './ReferralForm';
import { residentName } from './ResidentsScreen';

interface TimelineEntry {
  at: string;
  key: string;
  title: string;
  detail?: string;
}

function timelineOf(c: CaseDetail, orgName: (id: string) => string): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: c.openedAt, key: 'opened', title: text.opened, detail: c.subject ?? undefined }];
  for (const k of c.contacts) {
    const parts = [k.durationMinutes !== null ? text.minutes(k.durationMinutes) : '', k.note ?? (c.freeTextShared ? '' : text.noteWithheld)].filter(Boolean);
    entries.push({ at: k.occurredAt, key: k.id, title: text.conversation(CHANNELS[k.channel] ?? k.channel), detail: parts.join(' · ') || undefined });
  }
  for (const r of c.referrals) {
    const to = r.organisationId ? orgName(r.organisationId) : (r.recipientName ?? '');
    entries.push({ at: r.referredAt, key: r.id, title: text.referral(to), detail: [REFERRAL_STATUS[r.status] ?? r.status, r.reason ?? ''].filter(Boolean).join(' · ') });
  }
  if (c.closedAt) entries.push({ at: c.closedAt, key: 'closed', title: text.closed, detail: c.outcome ?? undefined });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** A case: its timeline, a further conversation, a referral, close and reopen. */
export function CaseScreen() {
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [person, setPerson] = useState<Resident | null>(null);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const describe = useProblemText();

  const load = useCallback(async () => {
    try {
      const c = await counsellorApi.caseDetail(id);
      setDetail(c);
      setError(null);
      if (!person || person.id !== c.residentId) setPerson(await counsellorApi.resident(c.residentId).catch(() => null));
    } catch (e) {
      setError(e);
    }
  }, [id]);

  useEffect(() => {
    void load();
    counsellorApi.organisations().then((p) => setOrganisations(p.items), () => undefined);
  }, [load]);

  if (error !== null && !detail) return <Alert kind="error">{describe(error)}</Alert>;
  if (!detail) return <Loading text={text.loading} />;
  const orgName = (orgId: string) => organisations.find((o) => o.id === orgId)?.name ?? '';
  const topic = TOPICS[detail.topic] ?? detail.topic;

  return (
    <>
      <PageHeading>{text.title(topic)}</PageHeading>
      <dl className="case-facts">
        <dt>{text.resident}</dt>
        <dd>{person ? <Link to={`/beboere/${person.id}`}>{residentName(person)}</Link> : ''}</dd>
        <dt>{text.status}</dt>
        <dd>{CASE_STATUS[detail.status]}</dd>
        <dt>{text.form}</dt>
        <dd>{FORMS[detail.form] ?? detail.form}</dd>
      </dl>
      <p role="status">{notice}</p>
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      <section aria-labelledby="case-timeline">
        <h2 id="case-timeline">{text.timeline}</h2>
        <ol className="case-timeline">
          {timelineOf(detail, orgName).map((entry) => (
            <li key={entry.key}>
              <strong>{entry.title}</strong> <span>{formatDateTime(entry.at)}</span>
              {entry.detail && <p>{entry.detail}</p>}
            </li>
          ))}
        </ol>
      </section>
      {detail.status === 'open' ? (
        <>
          <ContactForm caseId={detail.id} onSent={() => void load()} />
          <ReferralForm caseId={detail.id} residentId={detail.residentId} onReferred={() => void load()} />
          <CloseForm detail={detail} onDone={(message) => { setNotice(message); void load(); }} />
        </>
      ) : (
        <ReopenButton detail={detail} onDone={(message) => { setNotice(message); void load(); }} />
      )}
    </>
  );
}

function CloseForm({ detail, onDone }: { detail: CaseDetail; onDone: (message: string) => void }) {
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const describe = useProblemText();
  return (
    <form
      aria-labelledby="close-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await counsellorApi.close(detail.id, { version: detail.version, ...(outcome.trim() ? { outcome: outcome.trim() } : {}) }, newKey());
          onDone(text.closedNotice);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="close-heading">{text.close}</h2>
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      <Field id="close-outcome" label={text.outcome} value={outcome} maxLength={1000} onChange={(e) => setOutcome(e.target.value)} />
      <Button type="submit" variant="secondary" busy={busy}>
        {text.confirmClose}
      </Button>
    </form>
  );
}

function ReopenButton({ detail, onDone }: { detail: CaseDetail; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const describe = useProblemText();
  return (
    <div>
      {error !== null && <Alert kind="error">{describe(error)}</Alert>}
      <Button
        variant="secondary"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await counsellorApi.reopen(detail.id, { version: detail.version }, newKey());
            onDone(text.reopened);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {text.reopen}
      </Button>
    </div>
  );
}
