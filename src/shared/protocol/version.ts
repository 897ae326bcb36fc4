/**
 * The queue wire protocol's version. A client sends it on every request; a server that no longer
 * speaks it answers 426 `client_too_old` (the workstation then asks the HITer to update) instead of
 * failing in strange ways. Raise CURRENT for additive changes, MINIMUM when old clients must stop.
 */
export const PROTOCOL_VERSION = 2;
/**
 * 2: an image's MediaRef may carry a `display` rendition. An app of protocol 1 checks refs
 * strictly and would refuse every leased image task: it is told to update instead.
 */
export const MINIMUM_PROTOCOL_VERSION = 2;
export const PROTOCOL_HEADER = 'x-hitdesk-protocol';
