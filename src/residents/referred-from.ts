/**
 * Where a resident came from (issue 12): who brought them to a counselling case, a leisure-job
 * programme, an activity's enrolment or an internship. The plans describe bridge-building from schools,
 * the municipal youth service and partners (001_*); recording it lets them show where residents come
 * from. The one label source.
 */
export const REFERRED_FROM = ['school', 'youth_service', 'housing_staff', 'partner', 'self', 'other'] as const;
export type ReferredFrom = (typeof REFERRED_FROM)[number];

export const REFERRED_FROM_LABELS: Record<ReferredFrom, string> = {
  school: 'Skole',
  youth_service: 'Kommunal ungeindsats (UU)',
  housing_staff: 'Boligorganisationens personale',
  partner: 'Samarbejdspartner',
  self: 'Selvhenvendelse',
  other: 'Andet',
};

