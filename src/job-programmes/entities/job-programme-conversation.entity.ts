import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONVERSATION_KINDS = ['clarification', 'interview', 'evaluation', 'follow_up', 'incident'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const CONVERSATION_PARTICIPANTS = ['youth', 'guardian', 'employer'] as const;
export type ConversationParticipant = (typeof CONVERSATION_PARTICIPANTS)[number];

/** A conversation in the programme: clarification with youth and parents, job interview, evaluation, ... */
@Entity('job_programme_conversations')
export class JobProgrammeConversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  kind: ConversationKind;

  @Column({ type: 'text', array: true })
  participants: ConversationParticipant[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
