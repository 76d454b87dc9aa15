/** Where the API is served (app.factory.ts sets it as Nest's global prefix); URLs given to others (SSO redirect URIs, cookie paths) are built on it. */
export const API_PREFIX = 'api/v1';
