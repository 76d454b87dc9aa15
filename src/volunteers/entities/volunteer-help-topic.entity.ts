import { Entity } from 'typeorm';
import { PlanVocabularyRow } from '../../plan-vocabulary/plan-vocabulary-row';

/** A volunteer-help topic a plan adds next to the built-in ones (as its own counselling topics). */
@Entity('volunteer_help_topics')
export class VolunteerHelpTopic extends PlanVocabularyRow {}
