import { planSetup } from '../../text/plan-setup';
import { NamedItemsSection, type SecondField } from './NamedItemsSection';
import { addHousingArea, housingAreas, updateHousingArea, type HousingArea } from './plan-setup-api';

const text = planSetup.areas;

/** Whether youths from the area may join a leisure-job programme: a checkbox. */
const eligibility: SecondField<HousingArea, boolean> = {
  idSuffix: 'eligible',
  header: text.eligible,
  cell: (area) => (area.jobProgrammeEligible ? planSetup.yes : planSetup.no),
  initial: (area) => area?.jobProgrammeEligible ?? false,
  control: ({ id, value, onChange }) => (
    <div className="form-group-checkbox">
      <input type="checkbox" className="form-checkbox" id={id} checked={value} onChange={(e) => onChange(e.target.checked)} />
      <label className="form-label" htmlFor={id}>
        {text.eligibleLabel}
      </label>
    </div>
  ),
};

/** A plan's housing areas: the list, an edit of one (with its version), and for the admin the form that adds one. */
export function HousingAreasSection({ planId, asAdmin }: { planId: string; asAdmin: boolean }) {
  return (
    <NamedItemsSection
      planId={planId}
      asAdmin={asAdmin}
      idPrefix="area"
      text={text}
      load={() => housingAreas(planId, asAdmin)}
      second={eligibility}
      add={({ name, value }, key) => addHousingArea(planId, { name, jobProgrammeEligible: value }, key)}
      update={(area, { name, value }) => updateHousingArea(planId, area.id, { name, jobProgrammeEligible: value, version: area.version })}
    />
  );
}
