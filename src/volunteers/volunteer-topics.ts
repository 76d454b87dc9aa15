/**
 * What volunteers help with (003_* Holstebro: "breve fra myndigheder, skemaer, MitID, e-Boks, Aula"
 * and going along to an appointment), with the Danish labels the app and the reports use: the one
 * source of these labels. A plan adds its own topics next to these (volunteer_help_topics).
 */
export const BUILT_IN_VOLUNTEER_TOPICS = {
  letters: 'Breve fra myndigheder',
  forms: 'Skemaer og ansøgninger',
  mitid: 'MitID',
  eboks: 'e-Boks',
  aula: 'Aula',
  benefits: 'Ydelser og tilskud',
  housing: 'Bolig',
  other: 'Andet',
} as const;

export type BuiltInVolunteerTopic = keyof typeof BUILT_IN_VOLUNTEER_TOPICS;
