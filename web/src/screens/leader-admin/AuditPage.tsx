import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../../text/format';
import { problemText } from '../../text/problems';
import { actionName, actionNames, leaderAdmin } from '../../text/leader-admin';
import { useLoad, useMoreOfList } from '../../app/use-load';
import { LoadMore } from '../../components/LoadMore';
import { allStaff, auditEvents, failureText, type AuditEvent, type AuditFilters, type AuditKind, type AuditPage as Page, type StaffMember } from './leader-admin-api';
import { SelectField } from '../../components/SelectField';
import { roleName } from './StaffPage';
import './leader-admin.css';

const text = leaderAdmin.audit;
const FILTERS = ['actorId', 'kind', 'action', 'outcome', 'from', 'to'] as const;
const OUTCOMES = ['succeeded', 'failed', 'refused', 'locked', 'ended', 'changed'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day after an ISO date, for an exclusive upper bound: "til og med 7.12." is before 8.12. 00:00 Danish time. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The URL's filters as the API's query; dates are whole Danish days. */
function queryOf(params: URLSearchParams): AuditFilters {
  const get = (name: string) => params.get(name) ?? '';
  const from = get('from');
  const to = get('to');
  const kind = get('kind');
  const outcome = OUTCOMES.find((o) => o === get('outcome'));
  return {
    ...(get('actorId') ? { actorId: get('actorId') } : {}),
    ...(kind === 'sign_in' || kind === 'account' ? { kind: kind as AuditKind } : {}),
    ...(get('action') ? { action: get('action') } : {}),
    ...(outcome ? { outcome } : {}),
    ...(DATE.test(from) ? { from: `${from}T00:00` } : {}),
    ...(DATE.test(to) ? { to: `${nextDay(to)}T00:00` } : {}),
  };
}

/** The plan's sign-in, account and audit events, newest first, filtered by who, what and when; the filters live in the address. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const key = FILTERS.map((f) => params.get(f) ?? '').join('|');
  const [loaded, replace] = useLoad<Page>(key, () => auditEvents(queryOf(params)));
  const more = useMoreOfList(loaded, replace, (cursor) => auditEvents(queryOf(params), cursor));
  const [people, setPeople] = useState<StaffMember[]>([]);
  const [dateError, setDateError] = useState<string | undefined>();

  useEffect(() => {
    allStaff().then(setPeople, () => undefined);
  }, []);
  const names = new Map(people.map((p) => [p.id, p.name]));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const value = String(data.get(f) ?? '');
      if (value) next.set(f, value);
    }
    const from = next.get('from');
    const to = next.get('to');
    if (from && to && to < from) {
      setDateError(text.toBeforeFrom);
      return;
    }
    setDateError(undefined);
    setParams(next);
  };

  return (
    <>
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      <form onSubmit={apply} aria-label={text.filters} className="filter-form" key={key} noValidate>
        <SelectField id="audit-who" name="actorId" label={text.who} empty={text.anyone} defaultValue={params.get('actorId') ?? ''} options={people.map((p) => [p.id, p.name] as const)} />
        <SelectField id="audit-kind" name="kind" label={text.kind} empty={text.anyKind} defaultValue={params.get('kind') ?? ''} options={Object.entries(text.kinds)} />
        <SelectField id="audit-action" name="action" label={text.action} empty={text.anyAction} defaultValue={params.get('action') ?? ''} options={Object.entries(actionNames)} />
        <SelectField id="audit-outcome" name="outcome" label={text.outcomeFilter} hint={text.outcomeHint} empty={text.anyOutcome} defaultValue={params.get('outcome') ?? ''} options={OUTCOMES.map((o) => [o, text.outcomeName[o]] as const)} />
        <Field id="audit-from" name="from" type="date" label={text.from} defaultValue={params.get('from') ?? ''} />
        <Field id="audit-to" name="to" type="date" label={text.to} defaultValue={params.get('to') ?? ''} error={dateError} />
        <div className="form-group row-actions">
          <Button type="submit">{text.search}</Button>
          <Button variant="tertiary" onClick={() => setParams(new URLSearchParams())}>
            {text.clear}
          </Button>
        </div>
      </form>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Alert kind="error">{failureText(loaded.error)}</Alert>}
      {loaded.state === 'loaded' && (
        <>
          <p role="status">{loaded.data.items.length === 0 ? text.empty : text.count(loaded.data.items.length)}</p>
          {loaded.data.items.length > 0 && <EventTable items={loaded.data.items} names={names} />}
          <LoadMore more={more} label={text.more} describe={failureText} />
        </>
      )}
    </>
  );
}

function details(e: AuditEvent): string {
  if (!e.details) return '';
  const d = e.details;
  const method = d.method ? (text.method[d.method] ?? d.method) : '';
  return [text.outcome[d.outcome] ?? d.outcome, method, d.address ? text.address(d.address) : '', d.reason ? problemText(d.reason) : ''].filter(Boolean).join(', ');
}

/** The person by name when they are the plan's staff; the platform admin by role; nobody known (a failed sign-in) as such. */
function who(e: AuditEvent, names: Map<string, string>): string {
  // A failed sign-in has no known person; other events without one are the platform's own (retention, jobs).
  if (!e.actorId) return e.actorRole ? roleName(e.actorRole) : e.action.startsWith('auth.') ? text.notSignedIn : text.system;
  return names.get(e.actorId) ?? (e.actorRole ? roleName(e.actorRole) : text.unknownPerson);
}

function EventTable({ items, names }: { items: AuditEvent[]; names: Map<string, string> }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--zebra">
        <caption className="sr-only">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.when}</th>
            <th scope="col">{text.whoColumn}</th>
            <th scope="col">{text.what}</th>
            <th scope="col">{text.details}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.occurredAt)}</td>
              <td>{who(e, names)}</td>
              <td>{actionName(e.action)}</td>
              <td>{details(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
