/** "0,42", "66" or "1.234,5" as a person writes a number in Danish; null when it is not one. */
export function parseDanishNumber(input: string): number | null {
  const cleaned = input.trim().replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(/\./g, '').replace(',', '.'));
}
