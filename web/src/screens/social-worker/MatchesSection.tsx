import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Empty } from '../../components/Loading';
import { formatDateTime } from '../../text/format';
import { socialWorker } from '../../text/social-worker';
import { ActionStatus } from './ActionStatus';
import { SelectField } from '../../components/SelectField';
import { proposeMatch, updateMatch, type Employer, type Match, type Programme } from './social-worker-api';
import { useAction } from './use-action';

const text = socialWorker.matches;

/** Matches with the plan's employers: propose one, agree the job interview, accept or decline. */
export function MatchesSection({ p, employers, onChange }: { p: Programme; employers: Employer[]; onChange: () => Promise<void> }) {
  const [employerId, setEmployerId] = useState('');
  const [interview, setInterview] = useState<Record<string, string>>({});
  const action = useAction();
  const nameOf = (id: string) => employers.find((e) => e.id === id)?.name ?? '';
  const running = p.nextStep !== null;
  const propose = () =>
    void action.run(async () => {
      await proposeMatch(p.id, employerId);
      setEmployerId('');
      await onChange();
    }, text.proposed);
  const update = (m: Match, status: 'interview_scheduled' | 'accepted' | 'declined') =>
    void action.run(async () => {
      const at = interview[m.id];
      await updateMatch(p.id, m.id, { status, version: m.version, ...(status === 'interview_scheduled' && at ? { interviewAt: new Date(at).toISOString() } : {}) });
      await onChange();
    }, text.updated);
  const open = (m: Match) => m.status === 'proposed' || m.status === 'interview_scheduled';
  return (
    <>
      <ActionStatus action={action} />
      {p.matches.length === 0 ? (
        <Empty text={text.none} />
      ) : (
        <table className="table table--zebra">
          <caption>{text.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{text.employer}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.interview}</th>
              {running && <th scope="col">{text.actions}</th>}
            </tr>
          </thead>
          <tbody>
            {p.matches.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/virksomheder/${m.employerId}`}>{nameOf(m.employerId)}</Link>
                </td>
                <td>{text.statusLabel[m.status] ?? m.status}</td>
                <td>{m.interviewAt ? formatDateTime(m.interviewAt) : ''}</td>
                {running && (
                  <td>
                    {open(m) && (
                      <>
                        <div className="form-group">
                          <label className="form-label" htmlFor={`interview-${m.id}`}>
                            {text.interviewField(nameOf(m.employerId))}
                          </label>
                          <input className="form-input" type="datetime-local" id={`interview-${m.id}`} value={interview[m.id] ?? ''} onChange={(e) => setInterview({ ...interview, [m.id]: e.target.value })} />
                        </div>
                        <Button variant="secondary" busy={action.busy} onClick={() => update(m, 'interview_scheduled')}>
                          {text.interviewButton(nameOf(m.employerId))}
                        </Button>{' '}
                        <Button busy={action.busy} onClick={() => update(m, 'accepted')}>
                          {text.accept(nameOf(m.employerId))}
                        </Button>{' '}
                        <Button variant="tertiary" busy={action.busy} onClick={() => update(m, 'declined')}>
                          {text.decline(nameOf(m.employerId))}
                        </Button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {running && (
        <div className="section-form">
          {employers.length === 0 ? (
            <p>
              <Link to="/virksomheder">{text.noEmployers}</Link>
            </p>
          ) : (
            <>
              <SelectField id="match-employer" label={text.proposeField} empty={socialWorker.programme.chooseEmployer} value={employerId} onChange={(e) => setEmployerId(e.target.value)} options={employers.map((e) => [e.id, e.name] as const)} />
              <Button busy={action.busy} disabled={!employerId} onClick={propose}>
                {text.proposeButton}
              </Button>
            </>
          )}
        </div>
      )}
    </>
  );
}
