// RENIEC's DNI as Networks checks it (BuildingBlocks/Peru/Dni.cs): 8 digits, optionally followed (with or without a
// hyphen) by the check character printed on the card, a digit or a letter from the same position.
const weights = [3, 2, 7, 6, 5, 4, 3, 2];
const numericChecks = '67890112345';
const letterChecks = 'KABCDEFGHIJ';

export function dniCheckCharacters(digits: string): [string, string] {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const index = (11 - (sum % 11)) % 11;
  return [numericChecks[index]!, letterChecks[index]!];
}

/** The 8 digits to store, or null when the value is not a valid DNI. */
export function normalizeDni(value: string): string | null {
  const text = value.trim().replace(/-/g, '');
  if (!/^\d{8}.?$/.test(text)) return null;
  const digits = text.slice(0, 8);
  if (text.length === 9 && !dniCheckCharacters(digits).includes(text[8]!.toUpperCase())) return null;
  return digits;
}
