import { spawnSync } from 'node:child_process';
import path from 'node:path';

const script = path.resolve('scripts/check-node.mjs');
const run = (version: string) => spawnSync(process.execPath, [script, `--pretend=${version}`], { encoding: 'utf8' });

/** `npm start` runs scripts/check-node.mjs first (package.json prestart). */
describe('npm start on an old Node', () => {
  it('stops on Node 20 with one sentence that says how to get Node 22', () => {
    const result = run('20.20.2');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/needs Node 22 or newer, but this is Node 20\.20\.2: install Node 22 LTS/);
  });

  it('lets Node 22 and newer through without a word', () => {
    for (const version of ['22.23.3', '24.15.0']) {
      const result = run(version);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
    }
  });
});
