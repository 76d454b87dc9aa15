import { type FormEvent, useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { formatTime } from '../../text/format';
import { volunteers } from '../../text/volunteers';
import { coordinator, failureText, groups, myHelp, recordHelp, removeHelp, topics, type Group, type HelpEntry, type Topic } from './volunteers-api';
import './volunteers.css';

const text = volunteers.log;

/** Today's date in Denmark (YYYY-MM-DD), to pick the day's own entries out of the latest ones. */
const danishDay = (at: Date | string) => new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

/**
 * The volunteer's one screen, made for a phone: what they helped with (big buttons), minutes,
 * whether they went along to an appointment, "Gem"; and what they recorded today. There is no
 * field for a resident, a name or a note, on purpose (003_*: the residents' private information).
 */
export function VolunteerLogPage() {
  const [choices, setChoices] = useState<{ topics: Topic[]; groups: Group[]; coordinatorName: string | null } | null>(null);
  const [today, setToday] = useState<HelpEntry[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [topic, setTopic] = useState('');
  const [minutes, setMinutes] = useState('');
  const [escort, setEscort] = useState(false);
  const [groupId, setGroupId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const loadToday = () => myHelp().then((items) => setToday(items.filter((h) => danishDay(h.occurredAt) === danishDay(new Date()))));

  useEffect(() => {
    Promise.all([topics(), groups(), coordinator(), loadToday()]).then(
      ([t, g, c]) => setChoices({ topics: t, groups: g, coordinatorName: c.name }),
      (error: unknown) => setFailure(failureText(error)),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setFailure(null);
    const found: Record<string, string> = {};
    if (!topic) found[`topic-${choices?.topics[0]?.key ?? ''}`] = text.topicMissing;
    const wholeMinutes = Number(minutes);
    if (minutes.trim() && (!Number.isInteger(wholeMinutes) || wholeMinutes < 1 || wholeMinutes > 480)) found['help-minutes'] = text.minutesInvalid;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const saved = await recordHelp({ topic, escort, ...(minutes.trim() ? { minutes: wholeMinutes } : {}), ...(groupId ? { activityId: groupId } : {}) }, key);
      setNotice(text.saved(saved.topicLabel));
      setTopic('');
      setMinutes('');
      setEscort(false);
      setKey(crypto.randomUUID());
      await loadToday();
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (entry: HelpEntry) => {
    setNotice(null);
    setFailure(null);
    try {
      await removeHelp(entry.id);
      setNotice(text.removed);
      await loadToday();
    } catch (error) {
      setFailure(failureText(error));
    }
  };

  if (!choices) return failure ? <Alert kind="error">{failure}</Alert> : <Loading />;
  const summary: SummaryItem[] = Object.entries(errors).map(([fieldId, t]) => ({ fieldId, text: t }));
  const topicError = Object.entries(errors).find(([id]) => id.startsWith('topic-'))?.[1];
  return (
    <div className="volunteer-log">
      <PageHeading>{text.heading}</PageHeading>
      <p>{text.intro}</p>
      {choices.coordinatorName && <p>{text.coordinator(choices.coordinatorName)}</p>}
      <ErrorSummary items={summary} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      <form onSubmit={submit} noValidate>
        <fieldset className={`form-group${topicError ? ' form-error' : ''}`} aria-describedby={topicError ? 'topic-error' : undefined}>
          <legend className="form-label">{text.topicLegend}</legend>
          {topicError && (
            <span className="form-error-message" id="topic-error">
              <span className="sr-only">Fejl: </span>
              {topicError}
            </span>
          )}
          <div className="topic-choices">
            {choices.topics.map((t) => (
              <div className="form-group-radio topic-choice" key={t.key}>
                <input type="radio" className="form-radio" id={`topic-${t.key}`} name="topic" value={t.key} checked={topic === t.key} onChange={() => setTopic(t.key)} />
                <label className="form-label" htmlFor={`topic-${t.key}`}>
                  {t.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field
          id="help-minutes"
          label={text.minutes}
          hint={text.minutesHint}
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={errors['help-minutes']}
          autoComplete="off"
        />
        <div className="form-group-checkbox escort-choice">
          <input type="checkbox" className="form-checkbox" id="help-escort" checked={escort} onChange={(e) => setEscort(e.target.checked)} />
          <label className="form-label" htmlFor="help-escort">
            {text.escort}
          </label>
        </div>
        {choices.groups.length > 0 && (
          <SelectField id="help-group" label={text.group} value={groupId} onChange={(e) => setGroupId(e.target.value)} empty={text.noGroup} options={choices.groups.map((g) => [g.id, g.name] as const)} />
        )}
        <Button type="submit" busy={busy}>
          {text.save}
        </Button>
      </form>
      <section aria-labelledby="today-heading">
        <h2 id="today-heading">{text.todayHeading}</h2>
        {today.length === 0 ? (
          <p>{text.todayEmpty}</p>
        ) : (
          <ul className="today-help">
            {today.map((h) => (
              <li key={h.id}>
                <span>
                  {formatTime(h.occurredAt)} · {h.topicLabel}
                  {h.minutes !== null && ` · ${text.minutesText(h.minutes)}`}
                  {h.escort && ` · ${text.escortText}`}
                </span>
                {h.correctable && (
                  <Button variant="tertiary" onClick={() => void remove(h)}>
                    {text.remove(h.topicLabel, formatTime(h.occurredAt))}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
