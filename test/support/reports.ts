import type { Caller } from './fixtures';
import { waitFor } from './wait-for';

export interface Report {
  id: string;
  status: string;
  version: number;
  progress: number;
  interim: boolean;
  failureReason: string | null;
  result: Record<string, Record<string, unknown>> | null;
}

/** Requests a half-year report as the leader and waits until the queue has computed it. */
export async function completedReport(leader: Caller, year: number, half: 1 | 2): Promise<Report> {
  const requested = await leader.post('/reports/half-year', { year, half });
  expect(requested.status).toBe(202);
  expect(requested.body.status).toBe('queued');
  return waitFor(`report ${requested.body.id}`, async () => {
    const res = await leader.get(`/reports/${requested.body.id}`);
    if (res.body.status === 'failed') throw new Error(`report failed: ${res.body.failureReason}`);
    return res.body.status === 'completed' ? (res.body as Report) : undefined;
  });
}

