import { SelectField } from '../../components/SelectField';
import { planSetup } from '../../text/plan-setup';
import { NamedItemsSection, type SecondField } from './NamedItemsSection';
import { addOrganisation, ORGANISATION_KINDS, organisations, updateOrganisation, type Organisation, type OrganisationKind } from './plan-setup-api';

const text = planSetup.organisations;

/** What kind of organisation it is (municipal, housing, partner, ...): a required choice. */
const kind: SecondField<Organisation, OrganisationKind | ''> = {
  idSuffix: 'kind',
  header: text.kind,
  cell: (organisation) => text.kinds[organisation.kind],
  initial: (organisation) => organisation?.kind ?? '',
  problem: (value) => (value ? undefined : planSetup.required(text.kind)),
  control: ({ id, value, error, onChange }) => (
    <SelectField id={id} label={text.kind} value={value} error={error} empty={text.chooseKind} options={ORGANISATION_KINDS.map((k) => [k, text.kinds[k]] as const)} onChange={(e) => onChange(e.target.value as OrganisationKind)} />
  ),
};

/** A plan's partner organisations: the list, an edit of one (with its version), and for the admin the form that adds one. */
export function OrganisationsSection({ planId, asAdmin }: { planId: string; asAdmin: boolean }) {
  // `problem` refuses an empty kind before anything is sent, so `value` is a kind here.
  const asKind = (value: OrganisationKind | '') => value as OrganisationKind;
  return (
    <NamedItemsSection
      planId={planId}
      asAdmin={asAdmin}
      idPrefix="organisation"
      text={text}
      load={() => organisations(planId, asAdmin)}
      second={kind}
      add={({ name, value }, key) => addOrganisation(planId, { name, kind: asKind(value) }, key)}
      update={(organisation, { name, value }) => updateOrganisation(planId, organisation.id, { name, kind: asKind(value), version: organisation.version })}
    />
  );
}
