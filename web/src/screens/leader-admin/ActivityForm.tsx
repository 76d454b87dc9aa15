import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { leaderAdmin, weekdayNames } from '../../text/leader-admin';
import { failureText, type Activity, type ActivityKind, type CreateActivity, type HousingArea, type WeeklySlot } from './leader-admin-api';
import { SelectField } from '../../components/SelectField';

const text = leaderAdmin.activity;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Props {
  /** Left out: a new activity. */
  activity?: Activity;
  kinds: ActivityKind[];
  areas: HousingArea[];
  idPrefix: string;
  submitLabel: string;
  /** Sends the activity; throws the API's refusal. */
  onSubmit: (body: CreateActivity) => Promise<void>;
}

type SlotDraft = { weekday: string; start: string; end: string };
const draftOf = (s: WeeklySlot): SlotDraft => ({ weekday: String(s.weekday), start: s.start, end: s.end });

/** An activity's kind, name, housing area or whole plan, dates, weekly slots in Danish time, and capacity. */
export function ActivityForm({ activity, kinds, areas, idPrefix, submitLabel, onSubmit }: Props) {
  const [name, setName] = useState(activity?.name ?? '');
  const [kind, setKind] = useState(activity?.kind ?? kinds[0]?.key ?? '');
  const [area, setArea] = useState(activity?.housingAreaId ?? '');
  const [startsOn, setStartsOn] = useState(activity?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(activity?.endsOn ?? '');
  const [capacity, setCapacity] = useState(activity?.capacity ? String(activity.capacity) : '');
  const [rolling, setRolling] = useState(activity?.rollingIntake ?? false);
  const [slots, setSlots] = useState<SlotDraft[]>(activity?.weeklySlots.map(draftOf) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${idPrefix}-${field}`;

  const setSlot = (index: number, change: Partial<SlotDraft>) => setSlots((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (!name.trim()) found[id('name')] = text.nameMissing;
    if (capacity && !/^[1-9]\d{0,4}$/.test(capacity)) found[id('capacity')] = text.capacityInvalid;
    if (startsOn && endsOn && DATE.test(startsOn) && DATE.test(endsOn) && endsOn < startsOn) found[id('endsOn')] = text.datesOrder;
    slots.forEach((s, i) => {
      if (!CLOCK.test(s.start) || !CLOCK.test(s.end) || s.end <= s.start) found[id(`slot-${i}-start`)] = text.slotInvalid(i + 1);
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await onSubmit({
        name: name.trim(),
        kind,
        ...(area ? { housingAreaId: area } : {}),
        ...(startsOn ? { startsOn } : {}),
        ...(endsOn ? { endsOn } : {}),
        ...(capacity ? { capacity: Number(capacity) } : {}),
        rollingIntake: rolling,
        weeklySlots: slots.map((s) => ({ weekday: Number(s.weekday), start: s.start, end: s.end })),
      });
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const summary: SummaryItem[] = Object.entries(errors).map(([fieldId, t]) => ({ fieldId, text: t }));
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={summary} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <Field id={id('name')} label={text.name} value={name} onChange={(e) => setName(e.target.value)} error={errors[id('name')]} />
      <SelectField id={id('kind')} label={text.kind} value={kind} onChange={(e) => setKind(e.target.value)} options={kinds.map((k) => [k.key, k.label] as const)} />
      <SelectField
        id={id('area')}
        label={text.area}
        hint={text.areaHint}
        value={area}
        onChange={(e) => setArea(e.target.value)}
        empty={leaderAdmin.activities.wholePlan}
        options={areas.map((a) => [a.id, a.name] as const)}
      />
      <Field id={id('startsOn')} label={text.startsOn} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      <Field id={id('endsOn')} label={text.endsOn} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={errors[id('endsOn')]} />
      <fieldset className="activity-slots">
        <legend className="h4">{text.slotsLegend}</legend>
        <p className="form-hint">{text.slotsHint}</p>
        {slots.map((s, i) => (
          // Slots have no identity of their own; their place in the list is what the form edits.
          <div className="slot-row" key={i}>
            <SelectField id={id(`slot-${i}-weekday`)} label={text.weekday(i + 1)} value={s.weekday} onChange={(e) => setSlot(i, { weekday: e.target.value })} options={weekdayNames.map((d, n) => [String(n + 1), d] as const)} />
            <Field id={id(`slot-${i}-start`)} label={text.start(i + 1)} type="time" value={s.start} onChange={(e) => setSlot(i, { start: e.target.value })} error={errors[id(`slot-${i}-start`)]} />
            <Field id={id(`slot-${i}-end`)} label={text.end(i + 1)} type="time" value={s.end} onChange={(e) => setSlot(i, { end: e.target.value })} />
            <div className="form-group">
              <Button variant="tertiary" onClick={() => setSlots((all) => all.filter((_, n) => n !== i))}>
                {text.removeSlot(i + 1)}
              </Button>
            </div>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setSlots((all) => [...all, { weekday: '1', start: '12:00', end: '17:00' }])}>
          {text.addSlot}
        </Button>
      </fieldset>
      <Field id={id('capacity')} label={text.capacity} hint={text.capacityHint} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} error={errors[id('capacity')]} />
      <div className="form-group form-group-checkbox">
        <input className="form-checkbox" type="checkbox" id={id('rolling')} checked={rolling} onChange={(e) => setRolling(e.target.checked)} />
        <label className="form-label" htmlFor={id('rolling')}>
          {text.rollingIntake}
        </label>
      </div>
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
