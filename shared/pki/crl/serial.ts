/** Canonical serial key for user input: "0x", colons and spaces dropped, lowercase, no leading zeros. */
export function normalizeSerial(serial: string): string {
  const hex = serial.trim().replace(/^0x/i, '').replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex)) throw new Error(`"${serial.slice(0, 80)}" is not a hexadecimal serial number`);
  return hex.replace(/^0+(?=.)/, '');
}
