/** Debian's (and Ubuntu's) bundle of the system's trusted roots. */
export const SYSTEM_TRUST_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
