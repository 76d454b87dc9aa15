import type { ProblemCode } from '../../generated/problem-codes';

/** A refusal of the API (application/problem+json), thrown by the client; show `problemText(code)`, never `detail`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** A catalogued code, or another string from a newer API. */
    readonly code: ProblemCode | (string & {}),
    /** Every other member of the problem (errors, pendingConsent, ...). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiProblem';
  }

  /** The fields the API named (400/422 `errors`), for showing each sentence at its field. */
  get fieldErrors(): { field?: string; rule?: string; message: string }[] {
    const errors = this.extensions.errors;
    return Array.isArray(errors) ? (errors as { field?: string; rule?: string; message: string }[]) : [];
  }
}

/** The network itself failed (offline, DNS, a dropped connection): the outbox keeps such requests. */
export class NetworkProblem extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkProblem';
  }
}

export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.clone().json()) as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page): the status must do
  }
  const { code, status: _status, type: _type, title: _title, detail: _detail, instance: _instance, ...extensions } = body;
  return new ApiProblem(response.status, typeof code === 'string' ? code : `http_${response.status}`, extensions);
}
