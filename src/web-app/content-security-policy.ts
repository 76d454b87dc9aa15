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

/** Swagger UI (React) sets style attributes, so its pages alone may use inline styles; scripts stay 'self'. */
const API_DOCS_POLICY = header({ ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] });

export function relaxStylesForApiDocs(app: NestFastifyApplication, docsPath: string): void {
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    const pathname = request.url.split('?')[0];
    if (pathname === docsPath || pathname.startsWith(`${docsPath}/`)) void reply.header('Content-Security-Policy', API_DOCS_POLICY);
  });
}
