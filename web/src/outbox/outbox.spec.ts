import { Outbox, type QueuedItem, type SendResult } from './outbox';

class MemoryStorage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  clear() {
    this.data.clear();
  }
  dump() {
    return JSON.stringify([...this.data.values()]);
  }
}

const visit = (key: string, userId = 'rasmus'): QueuedItem => ({ kind: 'visit', key, userId, activityId: 'door', body: { at: '2026-12-07T14:05:00.000Z', gender: 'female' }, enteredAt: '2026-12-07T14:05:00.000Z' });
const contact = (key: string): QueuedItem => ({ kind: 'contact', key, userId: 'rasmus', caseId: 'case', body: { occurredAt: '2026-12-07T14:10:00.000Z', channel: 'in_person', note: 'Rykker fra SKAT' }, enteredAt: '2026-12-07T14:10:00.000Z' });

describe("the door's outbox", () => {
  it('sends a visit again with the same key after the network failed, and forgets it once sent', async () => {
    const sent: string[] = [];
    let online = false;
    const outbox = new Outbox(new MemoryStorage() as unknown as Storage);
    outbox.connect('rasmus', async (item): Promise<SendResult> => {
      sent.push(item.key);
      return online ? { outcome: 'sent' } : { outcome: 'retry' };
    });
    outbox.enqueue(visit('k1'));
    await outbox.flush();
    expect(outbox.waitingCount()).toBe(1);
    online = true;
    outbox.online();
    await outbox.flush();
    expect(sent).toEqual(['k1', 'k1']);
    expect(outbox.waitingCount()).toBe(0);
  });

  it('keeps visits in storage through a reload, never a conversation and its note', async () => {
    const storage = new MemoryStorage();
    const before = new Outbox(storage as unknown as Storage);
    before.enqueue(visit('k1'));
    before.enqueue(contact('k2'));
    expect(storage.dump()).toContain('k1');
    expect(storage.dump()).not.toContain('Rykker');
    const afterReload = new Outbox(storage as unknown as Storage);
    afterReload.connect('rasmus', null);
    expect(afterReload.getSnapshot().waiting.map((i) => i.key)).toEqual(['k1']);
  });

  it("sends only the signed-in user's items, and shows a refusal instead of retrying it", async () => {
    const outbox = new Outbox(null);
    const sent: string[] = [];
    outbox.enqueue(visit('mine'));
    outbox.enqueue(visit('hers', 'helle'));
    outbox.connect('rasmus', async (item) => {
      sent.push(item.key);
      return { outcome: 'refused', code: 'visit_outside_slots' };
    });
    await outbox.flush();
    expect(sent).toEqual(['mine']);
    expect(outbox.getSnapshot().refused).toEqual([{ item: expect.objectContaining({ key: 'mine' }), code: 'visit_outside_slots' }]);
    expect(outbox.waitingCount()).toBe(0);
  });
});
