import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20: a session's note is read only by the activity's own staff, i.e. the compartment whose
 * staff recorded the session (src/activities/sessions.service.ts). The compartment is kept with the
 * session as it was when recorded, so a later change of the recorder's role moves no note. Sessions
 * made by a visit at the door carry no note and no compartment. Existing sessions take their
 * recorder's compartment now (only counsellors and social workers can record one); a session
 * without a compartment shows its note to nobody.
 */
export class SessionNoteCompartment1733940000000 implements MigrationInterface {
  name = 'SessionNoteCompartment1733940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity_sessions ADD COLUMN compartment text CHECK (compartment IN ('counselling', 'job_programmes'))`);
    await q.query(`
      UPDATE activity_sessions s
         SET compartment = CASE u.role WHEN 'counsellor' THEN 'counselling' WHEN 'social_worker' THEN 'job_programmes' END
        FROM users u
       WHERE u.id = s.recorded_by`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity_sessions DROP COLUMN compartment`);
  }
}
