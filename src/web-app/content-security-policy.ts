import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Content-Security-Policy of every answer: this origin's own scripts, styles, fonts and
 * connections only; no inline script or style (the web app has no `style=` anywhere), images
 * also as data: URLs (dkfds's icons, the enrolment's QR code), never framed.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  upgradeInsecureRequests: null,
};

const header = (directives: Record<string, string[] | null>): string =>
  Object.entries(directives)
    .filter((entry): entry is [string, string[]] => entry[1] !== null)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';');

/** Swagger UI (React) and the queue dashboard set style attributes, so their pages alone may use inline styles; scripts stay 'self'. */
const INLINE_STYLES_POLICY = header({ ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] });

export function allowInlineStylesUnder(app: NestFastifyApplication, prefix: string): void {
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    const pathname = request.url.split('?')[0];
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) void reply.header('Content-Security-Policy', INLINE_STYLES_POLICY);
  });
}
