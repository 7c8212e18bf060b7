/** Fleet-scale CRL support: streaming parse, O(1) serial lookup, WebCrypto verify, PEM input. */
export { parseCrl, type ParseCrlOptions, type ParsedCrl, type RevokedEntry, type IssuingDistributionPoint } from './parse';
export { verifyCrlSignature, UnsupportedAlgorithmError } from './verify';
export { crlFromPem, crlsFromPem } from './pem';
export { CrlError } from './reader';
export { normalizeSerial } from './serial';
