import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { caseworker } from '../../text/caseworker';
import { formatDateTime } from '../../text/format';
import { AnswerForm, type Answer } from './AnswerForm';
import { failureText, referral, type Referral } from './caseworker-api';
import { useLoad } from '../../app/use-load';
import './caseworker.css';

const text = caseworker.referral;

/** What the caseworker may do next with a referral in each status (the API's status machine, their part of it). */
const NEXT: Record<Referral['status'], Answer[]> = {
  sent: ['accepted', 'rejected'],
  accepted: ['completed'],
  rejected: [],
  completed: [],
  revoked: [],
};

/** One referral: what it is about, as far as the consent shares it, its history with the notes, and the caseworker's answer. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const [loaded, replace] = useLoad<Referral>(id, () => referral(id));
  const [done, setDone] = useState<string | null>(null);

  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>{caseworker.inbox.heading}</PageHeading>
        <Alert kind="error">{failureText(loaded.error)}</Alert>
        <Link to="/henvisninger">{text.back}</Link>
      </>
    );
  }
  const f = loaded.data;
  const answered = (next: Referral, message: string) => {
    replace(next);
    setDone(message);
  };
  const next = NEXT[f.status];
  return (
    <>
      <p>
        <Link to={`/henvisninger?status=${f.status}`}>{text.back}</Link>
      </p>
      <PageHeading title={text.heading(f.residentName)}>{text.heading(f.residentName)}</PageHeading>
      {done && <Alert kind="success">{done}</Alert>}
      <h2>{text.facts}</h2>
      <dl className="facts">
        <dt>{text.resident}</dt>
        <dd>{f.residentName}</dd>
        <dt>{text.status}</dt>
        <dd>{caseworker.status[f.status]}</dd>
        <dt>{text.topic}</dt>
        <dd>
          {f.caseTopicLabel ?? ''} {f.caseStatus === 'closed' ? text.caseClosed : ''}
        </dd>
        <dt>{text.from}</dt>
        <dd>{[f.recordedByName, f.recordedByOrganisationName].filter(Boolean).join(', ') || text.unknownPerson}</dd>
        <dt>{text.to}</dt>
        <dd>{f.organisationName ?? f.recipientName ?? text.notShared}</dd>
        <dt>{text.referredAt}</dt>
        <dd>{formatDateTime(f.referredAt)}</dd>
        <dt>{text.reason}</dt>
        <dd>{f.freeTextShared ? (f.reason ?? text.reasonNone) : text.notShared}</dd>
      </dl>

      <h2>{text.history}</h2>
      {f.history.length === 0 ? (
        <p>{text.historyEmpty}</p>
      ) : (
        <ol className="history">
          {f.history.map((h) => (
            <li key={`${h.to}-${String(h.changedAt)}`}>
              <strong>{text.historyItem(caseworker.status[h.to], formatDateTime(h.changedAt), h.changedByName)}</strong>
              {h.note !== null ? (
                <p>
                  <span className="sr-only">{text.note}: </span>
                  {h.note}
                </p>
              ) : (
                !f.freeTextShared && <p className="form-hint">{text.noteWithheld}</p>
              )}
            </li>
          ))}
        </ol>
      )}

      <h2>{text.actionsHeading}</h2>
      {next.length === 0 && <p>{text.finalState}</p>}
      {next.map((answer) => (
        <AnswerForm key={`${answer}-${f.version}`} referral={f} answer={answer} onAnswered={answered} />
      ))}
    </>
  );
}
