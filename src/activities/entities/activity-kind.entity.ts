import { Entity } from 'typeorm';
import { PlanVocabularyRow } from '../../plan-vocabulary/plan-vocabulary-row';

/** A kind of activity a plan adds next to the built-in ones (e.g. Varde's "social vicevært", 002_*). */
@Entity('activity_kinds')
export class ActivityKind extends PlanVocabularyRow {}
