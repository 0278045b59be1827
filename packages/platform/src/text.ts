/** Normalises user text: Unicode NFC, trimmed, Windows line ends folded. Stored text is always NFC. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** Masks a phone number for staff who do not need it in full: 13812341234 → 138****1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) {
    return "*".repeat(digits.length);
  }
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}
