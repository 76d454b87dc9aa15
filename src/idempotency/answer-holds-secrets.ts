import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiGoneResponse } from '@nestjs/swagger';

export const ANSWER_HOLDS_SECRETS = 'idempotency:answerHoldsSecrets';
/** How the OpenAPI document marks such an operation; test/e2e/idempotency-answers.e2e-spec.ts reads it. */
export const KEPT_ANSWER_EXTENSION = 'x-idempotent-answer';

/**
 * A POST whose answer holds a secret (recovery codes, a sign-in link's token, a TOTP secret): the
 * Idempotency-Key store keeps that the request was carried out (its status), never the answer.
 * A retry with the key is told so (410 idempotency_answer_not_kept) and runs nothing again; the
 * client asks anew with a new key. Kept answers are otherwise handed to whoever sends the key
 * again for 24 hours, which for a secret is a second copy nobody asked for.
 */
export const AnswerHoldsSecrets = () =>
  applyDecorators(
    SetMetadata(ANSWER_HOLDS_SECRETS, true),
    ApiExtension(KEPT_ANSWER_EXTENSION, 'not-kept'),
    ApiGoneResponse({ description: '`idempotency_answer_not_kept`: a retry with the Idempotency-Key of a request that was carried out; its answer held secrets and is not kept: send the request again with a new key' }),
  );
