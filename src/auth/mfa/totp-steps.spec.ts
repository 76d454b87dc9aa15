import { generate, verify } from 'otplib';
import { generateSecret } from 'otplib';
import { latestAcceptableStep, stepToFollow } from './totp-steps';

describe('which time step an authenticator code must come after', () => {
  const now = 1_765_000_000;
  const currentStep = Math.floor(now / 30);

  it('is the last accepted step while the clock goes forward', () => {
    expect(stepToFollow(currentStep - 3, now)).toBe(currentStep - 3);
    expect(stepToFollow(null, now)).toBeUndefined();
  });

  it('is capped at the latest step acceptable now when the clock was stepped back past the last accepted code', () => {
    expect(stepToFollow(currentStep + 120, now)).toBe(latestAcceptableStep(now));
    expect(latestAcceptableStep(now)).toBe(currentStep + 1);
  });

  it('lets the verifier refuse the current code instead of throwing when the clock was stepped back an hour', async () => {
    const secret = generateSecret();
    const token = await generate({ secret, epoch: now });
    const lastAcceptedAnHourAhead = currentStep + 120;
    await expect(verify({ secret, token, epoch: now, epochTolerance: 30, afterTimeStep: lastAcceptedAnHourAhead })).rejects.toThrow();
    await expect(verify({ secret, token, epoch: now, epochTolerance: 30, afterTimeStep: stepToFollow(lastAcceptedAnHourAhead, now) })).resolves.toEqual({ valid: false });
  });
});
