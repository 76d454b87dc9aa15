import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import type { Compartment } from '../access/roles';
import { AuditWriter } from '../audit/audit-writer';
import { Gone } from '../common/domain-errors';
import { activeConsentIdsNaming, consentsNoLongerActive } from '../consents/consent-state';
import { ResidentsRepository } from '../residents/residents.repository';
import { IdempotencyKeysRepository, type StoredAnswer } from './idempotency-keys.repository';
import { KeptAnswerCipher } from './kept-answer-cipher';

/** Who sends a request with a key: a user, and for the access checks of a replay their plan and organisation. */
export interface KeyHolder {
  userId: string;
  requestId: string;
  /** Undefined for the platform admin, who reads no resident's data. */
  actor?: PlanActor;
}

/** What a replay answers: the first answer again, or a refusal (410) to give once the transaction has ended. */
export type Replay = { status: number; body: unknown } | { refusal: Gone };

const SHARED_BY_CONSENT = 'shared_by_consent';

/**
 * What is kept of an answer, and when it may be shown again. A replay passes the guard chain of a
 * new request first (session, role, step-up: the interceptor runs after the policy guard); here it
 * also passes the access decision of a new read, as of now: every resident the answer shows must
 * still be readable by the caller and not erased, and every consent that let the caller see them
 * still active. Such a replay is audited like the read it is.
 */
@Injectable()
export class KeptAnswers {
  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly cipher: KeptAnswerCipher,
    private readonly residents: ResidentsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
  ) {}

  /** Keeps the answer of a request that has just written, in its transaction. */
  async keep(
    manager: EntityManager,
    holder: KeyHolder,
    key: string,
    first: { fingerprint: string; status: number; body: unknown; holdsSecrets: boolean },
  ): Promise<void> {
    const audited = await this.audit.residentsOfRequest(manager, holder);
    const residentIds = [...new Set(audited.map((a) => a.residentId))];
    const byConsent = [...new Set(audited.filter((a) => a.purpose === SHARED_BY_CONSENT).map((a) => a.residentId))];
    const consentIds =
      byConsent.length && holder.actor?.organisationId
        ? await activeConsentIdsNaming(manager, { planId: holder.actor.planId, organisationId: holder.actor.organisationId, residentIds: byConsent })
        : [];
    const state = first.holdsSecrets ? 'withheld' : 'kept';
    const answer = state === 'kept' && first.body !== undefined ? this.cipher.encrypt(first.body, holder.userId, key) : null;
    await this.keys.store(manager, holder.userId, key, { fingerprint: first.fingerprint, status: first.status, state, answer, residentIds, consentIds });
  }

  /** The first answer again, if the caller may see it now; otherwise the refusal, and the answer is forgotten. */
  async replay(manager: EntityManager, holder: KeyHolder, key: string, stored: StoredAnswer): Promise<Replay> {
    if (stored.state === 'withheld') return { refusal: notKept() };
    if (stored.state === 'forgotten') return { refusal: withdrawn() };
    const shown = await this.residentsStillShown(manager, holder, stored);
    if (!shown) {
      await this.keys.forget(manager, holder.userId, key);
      return { refusal: withdrawn() };
    }
    let body: unknown;
    if (stored.answer !== null) {
      const read = this.cipher.decrypt(stored.answer, holder.userId, key);
      if (!read) return { refusal: notKept() };
      body = read.body;
    }
    if (holder.actor && shown.size) {
      const actor = holder.actor;
      await this.audit.record(
        actor,
        [...shown].map(([residentId, compartment]) => ({
          action: 'answer.replayed',
          purpose: this.access.readPurpose(actor, compartment, compartment),
          residentId,
        })),
        manager,
      );
    }
    return { status: stored.status, body };
  }

  /** The residents the answer shows, with their compartments, if the caller may see every one of them now; else undefined. */
  private async residentsStillShown(manager: EntityManager, holder: KeyHolder, stored: StoredAnswer): Promise<Map<string, Compartment> | undefined> {
    if (stored.residentIds.length === 0) return new Map();
    if (!holder.actor) return undefined;
    const readable = await this.residents.readableNotErased(manager, holder.actor, stored.residentIds);
    if (stored.residentIds.some((id) => !readable.has(id))) return undefined;
    if ((await consentsNoLongerActive(manager, stored.consentIds)).length) return undefined;
    return readable;
  }
}

function notKept(): Gone {
  return new Gone('The request with this Idempotency-Key was carried out; its answer held secrets and is not kept. Send the request again with a new key', {
    code: 'idempotency_answer_not_kept',
  });
}

function withdrawn(): Gone {
  return new Gone(
    'The request with this Idempotency-Key was carried out; its answer is no longer shown, as the resident\'s data was erased or you may no longer see it',
    { code: 'idempotency_answer_withdrawn' },
  );
}
