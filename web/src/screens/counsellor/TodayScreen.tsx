import { useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Empty, Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { outbox } from '../../outbox/outbox';
import { today as text } from '../../text/counsellor';
import { useCurrentUser } from './current-user';
import { counsellorApi, lastVisitAnswer, newKey, onVisitAnswered, type HousingArea, type TodaySlot } from './counsellor-api';
import { useProblemText } from './problems';
import { useOutbox } from './OutboxStatus';

type Gender = '' | 'female' | 'male';
type AgeGroup = '' | 'youth' | 'adult';

/** "I dag": today's slots; one tap records a visitor and the head count moves at once, online or not. */
export function TodayScreen() {
  const [areas, setAreas] = useState<HousingArea[]>([]);
  const [areaId, setAreaId] = useState('');
  const [slots, setSlots] = useState<TodaySlot[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const describe = useProblemText();

  const load = useCallback(async () => {
    try {
      setSlots((await counsellorApi.today(areaId || undefined)).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [areaId]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    counsellorApi.housingAreas().then((page) => setAreas(page.items), () => undefined);
  }, []);

  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p>{text.intro}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="today-area">
          {text.area}
        </label>
        <select className="form-select" id="today-area" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
          <option value="">{text.allAreas}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {error !== null && slots === null && <Alert kind="error">{describe(error)}</Alert>}
      {slots === null && error === null && <Loading text={text.loading} />}
      {slots !== null && slots.length === 0 && <Empty text={text.none} />}
      {slots !== null && slots.length > 0 && (
        <ul className="nobullet-list today-slots">
          {slots.map((slot) => (
            <li key={`${slot.activityId}-${slot.startsAt}`}>
              <SlotCard slot={slot} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SlotCard({ slot }: { slot: TodaySlot }) {
  const id = useId();
  const user = useCurrentUser();
  const [gender, setGender] = useState<Gender>('');
  const [ageGroup, setAgeGroup] = useState<AgeGroup>('');
  const [notice, setNotice] = useState('');
  const waiting = useOutbox().waiting.filter((i) => i.kind === 'visit' && i.activityId === slot.activityId && i.body.at >= slot.startsAt && i.body.at <= slot.endsAt).length;
  const answered = useSyncExternalStore(onVisitAnswered, () => lastVisitAnswer(slot.activityId));
  const base = slot.state === 'open' && answered && answered.total >= slot.headcount.total ? answered : slot.headcount;
  const total = base.total + waiting;
  const headingId = `${id}-heading`;

  const record = async () => {
    const key = newKey();
    outbox.enqueue({
      kind: 'visit',
      key,
      userId: user.id,
      activityId: slot.activityId,
      body: { at: new Date().toISOString(), ...(gender ? { gender } : {}), ...(ageGroup ? { ageGroup } : {}) },
      enteredAt: new Date().toISOString(),
    });
    setGender('');
    setAgeGroup('');
    await outbox.flush();
    const stillWaiting = outbox.getSnapshot().waiting.some((i) => i.key === key);
    setNotice(stillWaiting ? text.queued(slot.name) : text.recorded(slot.name));
  };

  return (
    <section className="card today-slot" aria-labelledby={headingId}>
      <div className="card-content">
        <h2 className="h3" id={headingId}>
          {slot.name}
        </h2>
        <p>
          {text.slotTime(slot.start, slot.end)} · {slot.housingAreaName ?? text.wholePlan} · {slot.kindLabel} · <strong>{text.state[slot.state]}</strong>
        </p>
        <p className="today-headcount" aria-live="polite">
          <strong>{text.headcount(total)}</strong>
          {base.total > 0 && text.breakdown(base) ? ` (${text.breakdown(base)})` : ''}
        </p>
        {slot.state !== 'open' ? (
          <p>{slot.state === 'upcoming' ? text.notYet : text.ended}</p>
        ) : (
          <>
            <fieldset>
              <legend className="form-label">{text.genderLegend}</legend>
              {(
                [
                  ['', text.notGiven],
                  ['female', text.woman],
                  ['male', text.man],
                ] as const
              ).map(([value, label]) => (
                <div className="form-group-radio" key={value || 'none'}>
                  <input type="radio" className="form-radio" id={`${id}-g-${value || 'none'}`} name={`${id}-gender`} checked={gender === value} onChange={() => setGender(value)} />
                  <label className="form-label" htmlFor={`${id}-g-${value || 'none'}`}>
                    {label}
                  </label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend className="form-label">{text.ageLegend}</legend>
              {(
                [
                  ['', text.notGiven],
                  ['youth', text.youth],
                  ['adult', text.adult],
                ] as const
              ).map(([value, label]) => (
                <div className="form-group-radio" key={value || 'none'}>
                  <input type="radio" className="form-radio" id={`${id}-a-${value || 'none'}`} name={`${id}-age`} checked={ageGroup === value} onChange={() => setAgeGroup(value)} />
                  <label className="form-label" htmlFor={`${id}-a-${value || 'none'}`}>
                    {label}
                  </label>
                </div>
              ))}
            </fieldset>
            <Button onClick={() => void record()} aria-label={text.recordFor(slot.name)}>
              {text.record}
            </Button>
            <p role="status">{notice}</p>
          </>
        )}
      </div>
    </section>
  );
}
