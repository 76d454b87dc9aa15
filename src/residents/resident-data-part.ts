import type { EntityManager } from 'typeorm';

/**
 * What one module holds about residents, for a resident's rights (GDPR Art. 15 and 17; issue 11).
 * Each module that owns tables with a resident's data implements this next to its own tables, so
 * that the export, the erasure and retention never reach into another module's tables.
 */
export interface ResidentDataPart<Section> {
  /** This module's part of everything held about one resident of the plan (their copy). */
  sectionOf(manager: EntityManager, planId: string, residentId: string): Promise<Section>;

  /**
   * Removes this module's personal details and free text about the residents, set-based (one
   * statement per table for any number of residents). Facts the statistics count stay.
   */
  erase(manager: EntityManager, residentIds: readonly string[]): Promise<void>;

  /**
   * SQL, true when the resident aliased `resident` had activity in this module at or after the
   * timestamptz expression `since`; for retention, which asks every module at once.
   */
  activitySince(resident: string, since: string): string;

  /** SQL, true when the resident aliased `resident` has work going on here (retention leaves them be). */
  workInProgress?(resident: string): string;
}

/** What an erasure leaves in a free-text field that must not be empty (e.g. why a programme ended). */
export const ERASED_TEXT = '[slettet]';
