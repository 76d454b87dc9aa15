import { ApiProblem, NetworkProblem } from '../../api/problem';
import { networkProblem, problemText } from '../../text/problems';
import { rights } from '../../text/resident-rights';
import { failureText } from './failure';

describe('what the rights screens say when the API refuses', () => {
  it("explains that a youth's running leisure-job programme must end before their data can be erased", () => {
    expect(failureText(new ApiProblem(409, 'programme_running'))).toBe(rights.erasure.programmeRunning);
    expect(rights.erasure.programmeRunning).toMatch(/fritidsjobforløb stadig kører.*Afslut forløbet/);
  });

  it('says every other refusal by its code in Danish, and a lost connection as such', () => {
    expect(failureText(new ApiProblem(401, 'step_up_required'))).toBe(problemText('step_up_required'));
    expect(failureText(new NetworkProblem(new Error('offline')))).toBe(networkProblem);
  });
});
