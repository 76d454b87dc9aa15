import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { attemptOutcomeLabel, outreach as text, type AttemptOutcome } from '../../text/outreach';
import { nowLocal } from '../social-worker/dates';
import { SendStatus } from '../small-jobs/SendStatus';
import { useSend } from '../small-jobs/use-send';
import { housingAreas, recordAttempt, topics, type HousingArea, type Person, type Topic } from './outreach-api';

const OPENS_CASE: AttemptOutcome[] = ['talked', 'offer_accepted'];

/**
 * A visit at the door: who, when and what came of it; after a talk, optionally a counselling case
 * opened in the same step (the young person becomes a resident, the talk the case's first contact).
 */
export function AttemptForm({ listId, people, onRecorded }: { listId: string; people: Person[]; onRecorded: () => void }) {
  const [personId, setPersonId] = useState('');
  const [at, setAt] = useState(nowLocal());
  const [outcome, setOutcome] = useState<AttemptOutcome>('not_home');
  const [opensCase, setOpensCase] = useState(false);
  const [topic, setTopic] = useState('');
  const [housingAreaId, setHousingAreaId] = useState('');
  const [choices, setChoices] = useState<{ topics: Topic[]; areas: HousingArea[] }>({ topics: [], areas: [] });
  const [caseId, setCaseId] = useState<string | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const send = useSend();
  const canOpenCase = OPENS_CASE.includes(outcome);

  useEffect(() => {
    Promise.all([topics(), housingAreas()]).then(([t, a]) => setChoices({ topics: t, areas: a }), () => undefined);
  }, []);

  const submit = () => {
    if (!personId) return send.fail(text.pickPerson);
    const withCase = canOpenCase && opensCase;
    if (withCase && (!topic || !housingAreaId)) return send.fail(text.pickTopicAndArea);
    setCaseId(null);
    void send
      .run(async () => {
        const recorded = await recordAttempt(listId, personId, { at: `${at}:00`, outcome, ...(withCase ? { openCase: { topic, housingAreaId } } : {}) }, key);
        setCaseId(recorded.caseId);
      }, withCase ? text.recordedWithCase : text.recorded)
      .then((ok) => {
        if (!ok) return;
        setKey(crypto.randomUUID());
        setOpensCase(false);
        onRecorded();
      });
  };

  return (
    <div className="work-form">
      <h2>{text.attemptHeading}</h2>
      <SendStatus send={send} />
      {caseId && (
        <p>
          <Link to={`/sager/${caseId}`}>{text.openCaseLink}</Link>
        </p>
      )}
      <SelectField id="attempt-person" label={text.personField} empty={text.choosePerson} value={personId} onChange={(e) => setPersonId(e.target.value)} options={people.map((p) => [p.id, p.name] as const)} />
      <Field id="attempt-at" type="datetime-local" label={text.atField} value={at} onChange={(e) => setAt(e.target.value)} />
      <SelectField id="attempt-outcome" label={text.outcomeField} value={outcome} onChange={(e) => setOutcome(e.target.value as AttemptOutcome)} options={Object.entries(attemptOutcomeLabel)} />
      {canOpenCase && (
        <div>
          <div className="form-group form-group-checkbox">
            <input className="form-checkbox" type="checkbox" id="attempt-open-case" checked={opensCase} onChange={(e) => setOpensCase(e.target.checked)} aria-describedby="attempt-open-case-hint" />
            <label htmlFor="attempt-open-case">{text.openCase}</label>
            <span className="form-hint" id="attempt-open-case-hint">
              {text.openCaseHint}
            </span>
          </div>
          {opensCase && (
            <>
              <SelectField id="attempt-topic" label={text.topicField} empty={text.chooseTopic} value={topic} onChange={(e) => setTopic(e.target.value)} options={choices.topics.map((t) => [t.key, t.label] as const)} />
              <SelectField id="attempt-area" label={text.areaField} empty={text.chooseArea} value={housingAreaId} onChange={(e) => setHousingAreaId(e.target.value)} options={choices.areas.map((a) => [a.id, a.name] as const)} />
            </>
          )}
        </div>
      )}
      <Button busy={send.busy} onClick={submit}>
        {text.record}
      </Button>
    </div>
  );
}
