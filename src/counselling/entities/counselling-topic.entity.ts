import { Entity } from 'typeorm';
import { PlanVocabularyRow } from '../../plan-vocabulary/plan-vocabulary-row';

/** A topic a plan adds next to the built-in ones. */
@Entity('counselling_topics')
export class CounsellingTopic extends PlanVocabularyRow {}
