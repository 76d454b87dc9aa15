/**
 * Runs before `npm start`: on a Node older than .nvmrc the service would fail somewhere deep in a
 * dependency (NestJS 12, Vite 8 and TypeORM 1 need Node 22), so it stops here with one sentence that
 * says what to do instead. Kept to syntax every Node since 12 parses. `--pretend=<version>` is for tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = Number(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, ''));
const pretend = process.argv.find((arg) => arg.startsWith('--pretend='));
const running = pretend ? pretend.slice('--pretend='.length) : process.versions.node;
if (Number(running.split('.')[0]) < wanted) {
  console.error(
    `This service needs Node ${wanted} or newer, but this is Node ${running}: install Node ${wanted} LTS ` +
      `(e.g. \`nvm install ${wanted}\`, or \`npm install --prefix ~/.cache/node-${wanted} node@${wanted}\` and put its node_modules/.bin first on the PATH), then run npm start again.`,
  );
  process.exit(1);
}
