import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { CASE_STATUS, CHANNELS, CONSENT_SCOPES, CONSENT_STATUS, FORMS, resident as text } from '../../text/counsellor';
import { counsellorApi, newKey, type CaseForm, type CaseListItem, type ContactChannel, type Consent, type Organisation, type Resident, type Topic } from './counsellor-api';
import { problemOf, useProblemText } from './problems';
import { residentName } from './ResidentsScreen';
import { ResidentRights } from '../resident-rights/lazy';

/** A resident's page: their cases and consents, and a new case opened with its first conversation. */
export function ResidentScreen() {
  const { id = '' } = useParams();
  const [person, setPerson] = useState<Resident | null>(null);
  const [cases, setCases] = useState<CaseListItem[]>([]);
  const [consents, setConsents] = useState<Consent[]>([]);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const describe = useProblemText();

  useEffect(() => {
    let gone = false;
    (async () => {
      try {
        const [r, c, k, o] = await Promise.all([counsellorApi.resident(id), counsellorApi.cases({ residentId: id, limit: 200 }), counsellorApi.consents(id), counsellorApi.organisations()]);
        if (gone) return;
        setPerson(r);
        setCases(c.items);
        setConsents(k.items);
        setOrganisations(o.items);
      } catch (e) {
        if (!gone) setError(e);
      }
    })();
    return () => {
      gone = true;
    };
  }, [id]);

  if (error !== null) return <Alert kind="error">{describe(error)}</Alert>;
  if (!person) return <Loading text={text.loading} />;
  const orgName = (orgId: string) => organisations.find((o) => o.id === orgId)?.name ?? '';

  return (
    <>
      <PageHeading>{residentName(person)}</PageHeading>
      <section aria-labelledby="resident-cases">
        <h2 id="resident-cases">{text.cases}</h2>
        {cases.length === 0 ? (
          <Empty text={text.noCases} />
        ) : (
          <ul className="nobullet-list">
            {cases.map((c) => (
              <li key={c.id}>
                <Link to={`/sager/${c.id}`}>{c.topicLabel}</Link> · {FORMS[c.form] ?? c.form} · {CASE_STATUS[c.status]} · {formatDateTime(c.openedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="resident-consents">
        <h2 id="resident-consents">{text.consents}</h2>
        {consents.length === 0 ? (
          <Empty text={text.noConsents} />
        ) : (
          <ul className="nobullet-list">
            {consents.map((k) => (
              <li key={k.id}>
                {CONSENT_SCOPES[k.scope] ?? k.scope} · {CONSENT_STATUS[k.status] ?? k.status} · {text.recipients}: {k.recipientOrganisationIds.map(orgName).join(', ') || '–'} · {text.given}{' '}
                {formatDateTime(k.givenAt)} ({text.by[k.givenBy] ?? k.givenBy}, {(text.form_[k.form] ?? k.form).toLowerCase()})
              </li>
            ))}
          </ul>
        )}
      </section>
      <OpenCaseForm residentId={person.id} />
      <ResidentRights residentId={person.id} onErased={() => void counsellorApi.resident(id).then(setPerson, setError)} />
    </>
  );
}

function OpenCaseForm({ residentId }: { residentId: string }) {
  const navigate = useNavigate();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [topic, setTopic] = useState('');
  const [subject, setSubject] = useState('');
  const [form, setForm] = useState<CaseForm>('open_drop_in');
  const [channel, setChannel] = useState('in_person');
  const [duration, setDuration] = useState('');
  const [note, setNote] = useState('');
  const [existingCaseId, setExistingCaseId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(newKey);
  const describe = useProblemText();

  useEffect(() => {
    counsellorApi.topics().then((page) => setTopics(page.items), () => undefined);
  }, []);
  const changed = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setKey(newKey());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setExistingCaseId(null);
    try {
      const firstContact = { channel: channel as ContactChannel, ...(duration ? { durationMinutes: Number(duration) } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
      const body = { residentId, topic, form, ...(subject.trim() ? { subject: subject.trim() } : {}), firstContact };
      const opened = await counsellorApi.openCase(body, key);
      navigate(`/sager/${opened.id}`);
    } catch (e) {
      const problem = problemOf(e);
      if (problem?.code === 'duplicate_open_case') setExistingCaseId((problem.body?.existingCaseId as string | undefined) ?? null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="open-case-heading">
      <h2 id="open-case-heading">{text.openCase}</h2>
      {error !== null && (
        <Alert kind="error">
          {describe(error)}
          {existingCaseId && (
            <>
              {' '}
              <Link to={`/sager/${existingCaseId}`}>{text.goToExisting}</Link>
            </>
          )}
        </Alert>
      )}
      <div className="form-group">
        <label className="form-label" htmlFor="case-topic">
          {text.topic}
        </label>
        <select className="form-select" id="case-topic" required value={topic} onChange={(e) => changed(setTopic)(e.target.value)}>
          <option value="" />
          {topics.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <Field id="case-subject" label={text.subject} value={subject} maxLength={200} onChange={(e) => changed(setSubject)(e.target.value)} />
      <div className="form-group">
        <label className="form-label" htmlFor="case-form">
          {text.form}
        </label>
        <select className="form-select" id="case-form" value={form} onChange={(e) => changed(setForm)(e.target.value as CaseForm)}>
          {Object.entries(FORMS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="h4">{text.firstConversation}</legend>
        <div className="form-group">
          <label className="form-label" htmlFor="case-channel">
            {text.channel}
          </label>
          <select className="form-select" id="case-channel" value={channel} onChange={(e) => changed(setChannel)(e.target.value)}>
            {Object.entries(CHANNELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field id="case-duration" type="number" min={0} max={1440} inputMode="numeric" label={text.duration} value={duration} onChange={(e) => changed(setDuration)(e.target.value)} />
        <div className="form-group">
          <label className="form-label" htmlFor="case-note">
            {text.note}
          </label>
          <textarea className="form-input" id="case-note" rows={4} maxLength={4000} value={note} onChange={(e) => changed(setNote)(e.target.value)} />
        </div>
      </fieldset>
      <Button type="submit" busy={busy}>
        {text.create}
      </Button>
    </form>
  );
}
