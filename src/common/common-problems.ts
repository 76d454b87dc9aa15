/**
 * The refusals any route can give, whatever its module: code → when it is answered. Each module
 * keeps its own catalogue next to its rules (`<module>-problems.ts`) and registers its codes in
 * ./problem-code.ts; src/problem-catalogue.ts joins the wordings for the OpenAPI document.
 */
export const COMMON_PROBLEMS = {
  validation_failed: 'A field is missing, malformed or out of range; `errors` names every such field',
  malformed_body: 'The body is empty or not valid JSON',
  body_too_deep: 'The JSON body nests deeper than any request of this API needs',
  body_not_object: 'The JSON body is not an object',
  payload_too_large: 'The body is larger than any request of this API needs',
  unsupported_media_type: 'The body is not application/json in UTF-8',
  unsupported_content_encoding: 'The body is compressed or otherwise encoded (Content-Encoding other than identity); send it as it is',
  malformed_url: 'The path is not a valid URL (bad percent-encoding or invalid UTF-8)',
  url_too_long: 'A part of the path is longer than any id',
  invalid_cursor: 'The cursor is not one this API issued',
  unauthenticated: 'No, a malformed, an expired or a revoked access token',
  forbidden: 'Your role may not do this at all',
  not_found: 'No such object within your reach (objects of another plan, or that you may not see, look the same)',
  route_not_found: 'There is no such route',
  method_not_allowed: 'The route does not take this method',
  not_acceptable: 'The answer cannot be given in the format asked for',
  conflict: 'The change conflicts with the current state (e.g. a name that must be unique is taken)',
  stale_version: 'The object changed since you read it: `version` is stale; `currentVersion` names the current one',
  rule_unmet: 'A domain rule is not met; `errors` lists every unmet rule',
  reference_not_found: 'The request refers to an object that does not exist',
  throttled: 'Too many requests; retry after `Retry-After` seconds',
  idempotency_key_invalid: 'Idempotency-Key is not 1-255 visible ASCII characters',
  idempotency_key_reused: 'This Idempotency-Key was used within 24 hours for another request',
  idempotency_key_in_progress: 'The first request with this Idempotency-Key is still being processed',
  idempotency_answer_not_kept: 'The request with this Idempotency-Key was carried out; its answer held secrets and is not kept: send the request again with a new key',
  idempotency_answer_withdrawn: 'The request with this Idempotency-Key was carried out; its answer is no longer shown: the resident was erased, or you may no longer see their data (a consent was withdrawn or has expired)',
  gone: 'What was asked for existed and is gone on purpose',
  concurrent_change: 'Another change to the same data happened at the same moment and this one was not made; send the request again (Retry-After; with its Idempotency-Key)',
  dependency_unavailable: 'PostgreSQL cannot be reached; retry after `Retry-After` seconds (never 401 for that)',
  internal_error: 'An unexpected error; it has been logged with the request id',
} as const;

declare module './problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof COMMON_PROBLEMS, true> {}
}
