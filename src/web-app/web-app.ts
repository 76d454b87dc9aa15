import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { NotFound } from '../common/domain-errors';
import { answerFrameworkError } from '../common/problem.filter';

/** Vite names every file under assets/ by its content's hash: a changed file is a new URL, so a browser may keep these for good. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser must ask every time (a 304 when unchanged). */
const INDEX_CACHE = 'no-cache';

/**
 * The staff web app (web/, built to WEB_APP_DIR): its files at /, and index.html for every other
 * GET that asks for HTML, so the app's own routes (/i-dag, /set-password#token=...) survive a
 * reload. /api/ and /health/ never fall back: an unknown API route stays a problem+json 404.
 * Without an index.html (the API-only tests, or a build without the app) the service still runs.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string): Promise<void> {
  const indexFile = path.join(dir, 'index.html');
  if (fs.existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      // Routes for the files there at start, so everything else reaches the fallback below.
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, file: string) => {
        const underAssets = path.relative(dir, file).split(path.sep)[0] === 'assets';
        void reply.header('Cache-Control', underAssets ? ASSET_CACHE : INDEX_CACHE);
      },
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!fallsBackToApp(request)) return reply.callNotFound();
    let html: Buffer;
    try {
      // Read at each request: a rebuilt app (new asset names) is served without a restart.
      html = await fs.promises.readFile(indexFile);
    } catch {
      answerFrameworkError(new NotFound(`The web app (an index.html in WEB_APP_DIR, ${dir})`), request, reply);
      return reply;
    }
    return reply.header('Cache-Control', INDEX_CACHE).type('text/html; charset=utf-8').send(html);
  };
  fastify.get('/', answer);
  fastify.get('/*', answer);
}

function fallsBackToApp(request: FastifyRequest): boolean {
  const pathname = (request.url ?? '/').split('?')[0];
  if (pathname === '/') return true;
  if (/^\/(api|health)(\/|$)/.test(pathname)) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
