import { onStepUpRequired, stepUp } from './step-up';

describe('step-up at one place in the client', () => {
  it('lets the refusal stand when no dialog is there to ask', async () => {
    expect(await stepUp()).toBe(false);
  });

  it('asks once for several reads refused at the same moment, and tells each the outcome', async () => {
    let asked = 0;
    let answer: (steppedUp: boolean) => void = () => undefined;
    const stop = onStepUpRequired(() => {
      asked += 1;
      return new Promise<boolean>((resolve) => (answer = resolve));
    });
    const notes = stepUp();
    const exportOfResident = stepUp();
    answer(true);
    expect(await Promise.all([notes, exportOfResident])).toEqual([true, true]);
    expect(asked).toBe(1);

    // The next refusal, later, asks again.
    const later = stepUp();
    answer(false);
    expect(await later).toBe(false);
    expect(asked).toBe(2);
    stop();
    expect(await stepUp()).toBe(false);
  });
});
