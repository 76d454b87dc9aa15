/**
 * The door's outbox (issue 21): visits and conversations entered while the wifi is down wait here
 * with the Idempotency-Key they were given when entered, and are sent when the connection returns
 * (the browser's online event, and retries with backoff). The key never changes, so a request
 * whose answer was lost and is sent again is answered from the first (api.md), never written twice.
 *
 * A visit is a head count without personal data (activity, time, the optional woman/man and
 * youth/adult): it is kept in localStorage so it survives a reload. A conversation carries a note
 * about a resident: it stays in memory only, and the app warns before the page is closed or the
 * user logs out while anything waits (beforeunload, the sign-out button).
 */

export interface VisitBody {
  at: string;
  gender?: 'female' | 'male';
  ageGroup?: 'youth' | 'adult';
}

export interface ContactBody {
  occurredAt: string;
  channel: string;
  durationMinutes?: number;
  withAppointment?: boolean;
  note?: string;
}

export type QueuedItem =
  | { kind: 'visit'; key: string; userId: string; activityId: string; body: VisitBody; enteredAt: string }
  | { kind: 'contact'; key: string; userId: string; caseId: string; body: ContactBody; enteredAt: string };

/** What sending one item came to: sent (or answered from its key), try again later, or refused for good. */
export type SendResult = { outcome: 'sent' } | { outcome: 'retry' } | { outcome: 'refused'; code: string | null };

export type Sender = (item: QueuedItem) => Promise<SendResult>;

export interface RefusedItem {
  item: QueuedItem;
  code: string | null;
}

export interface OutboxState {
  waiting: readonly QueuedItem[];
  refused: readonly RefusedItem[];
  sending: boolean;
}

/** Only visits go to storage, and of them only what a head count is. */
const STORAGE_KEY = 'helhedsplan.outbox.visits.v1';
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

function storedVisits(storage: Storage | null): QueuedItem[] {
  if (!storage) return [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is QueuedItem =>
        typeof v === 'object' && v !== null && v.kind === 'visit' && typeof v.key === 'string' && typeof v.activityId === 'string' && typeof v.userId === 'string' && typeof v.body?.at === 'string',
    );
  } catch {
    return [];
  }
}

export class Outbox {
  private items: QueuedItem[];
  private refusedItems: RefusedItem[] = [];
  private sending = false;
  private round: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = FIRST_RETRY_MS;
  private listeners = new Set<() => void>();
  private snapshot: OutboxState;
  private sender: Sender | undefined;
  private userId: string | undefined;

  constructor(private readonly storage: Storage | null) {
    this.items = storedVisits(storage);
    this.snapshot = this.makeSnapshot();
  }

  /** Who is signed in and how to send for them; only their own items are sent. Null when signed out. */
  connect(userId: string | null, sender: Sender | null): void {
    this.userId = userId ?? undefined;
    this.sender = sender ?? undefined;
    this.changed();
    if (this.sender) void this.flush();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OutboxState => this.snapshot;

  /** The items of the signed-in user still waiting. */
  waitingCount(): number {
    return this.mine().length;
  }

  enqueue(item: QueuedItem): void {
    this.items.push(item);
    this.changed();
    void this.flush();
  }

  /**
   * Sends what waits, oldest first; stops at the first that cannot be sent now and retries later.
   * While a round is running, a caller waits for that round (which also takes what was queued since).
   */
  flush(): Promise<void> {
    if (!this.sender) return Promise.resolve();
    if (this.round) {
      // Queued while a round runs (perhaps past its last look at the queue): it goes round once more.
      this.again = true;
      return this.round;
    }
    this.round = (async () => {
      do {
        this.again = false;
        await this.sendRound();
      } while (this.again && this.retryTimer === undefined);
    })().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async sendRound(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.sending = true;
    this.changed();
    try {
      for (;;) {
        const next = this.mine()[0];
        if (!next || !this.sender) break;
        let result: SendResult;
        try {
          result = await this.sender(next);
        } catch {
          result = { outcome: 'retry' };
        }
        if (result.outcome === 'retry') {
          this.scheduleRetry();
          break;
        }
        this.retryDelay = FIRST_RETRY_MS;
        this.items = this.items.filter((i) => i.key !== next.key);
        if (result.outcome === 'refused') this.refusedItems.push({ item: next, code: result.code });
        this.changed();
      }
    } finally {
      this.sending = false;
      this.changed();
    }
  }

  /** The connection is back: try at once, from the first delay again. */
  online(): void {
    this.retryDelay = FIRST_RETRY_MS;
    void this.flush();
  }

  dismissRefused(key: string): void {
    this.refusedItems = this.refusedItems.filter((r) => r.item.key !== key);
    this.changed();
  }

  /** Signing out with things waiting, confirmed: conversations (in memory) are given up; visits stay for the same user's next sign-in. */
  dropConversations(): void {
    this.items = this.items.filter((i) => i.kind === 'visit');
    this.changed();
  }

  private mine(): QueuedItem[] {
    return this.userId ? this.items.filter((i) => i.userId === this.userId) : [];
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
  }

  private changed(): void {
    if (this.storage) {
      const visits = this.items.filter((i) => i.kind === 'visit');
      try {
        if (visits.length) this.storage.setItem(STORAGE_KEY, JSON.stringify(visits));
        else this.storage.removeItem(STORAGE_KEY);
      } catch {
        // A full or blocked storage only costs surviving a reload; the visit still waits in memory.
      }
    }
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): OutboxState {
    return { waiting: this.mine(), refused: [...this.refusedItems], sending: this.sending };
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The page's one outbox. */
export const outbox = new Outbox(browserStorage());

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => outbox.online());
  // Something not yet sent: the browser asks before the page goes (a conversation would be lost).
  window.addEventListener('beforeunload', (event) => {
    if (outbox.waitingCount() > 0) event.preventDefault();
  });
}
