/** SAML single logout's refusals: code → when it is answered. */
export const SAML_PROBLEMS = {
  saml_logout_invalid:
    'The single logout message could not be verified (signature, issuer, destination or age), answers no logout of ours, or was received already',
} as const;

declare module '../../common/problem-code' {
  interface ProblemCodeRegistry extends Record<keyof typeof SAML_PROBLEMS, true> {}
}
