/**
 * Why a resident's personal data was erased (GDPR Art. 17(1)): the resident asked, the consent it
 * rested on was withdrawn, it is no longer needed, the resident objected, or it was processed
 * unlawfully. `retention` is the daily job's own reason and is never given by hand.
 */
export const ERASURE_REQUEST_REASONS = ['resident_request', 'consent_withdrawn', 'no_longer_needed', 'objection', 'unlawful_processing'] as const;
export type ErasureRequestReason = (typeof ERASURE_REQUEST_REASONS)[number];
export type ErasureReason = ErasureRequestReason | 'retention';
