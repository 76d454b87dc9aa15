/**
 * Marks a public route's operation in the OpenAPI document (set by @Public in src/access), where
 * withPublicRoutes turns it into `security: []` (no token) and removes it: Nest's scanner drops an
 * empty `security` itself.
 */
export const PUBLIC_OPERATION_EXTENSION = 'x-public-route';
