// RUC: 11 digits, prefix 10, 15, 17 or 20, check digit (11 − Σ dᵢ·wᵢ mod 11) mod 10 (BuildingBlocks/Peru/Ruc.cs).
const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export type RucProblem = 'length' | 'prefix' | 'checkDigit';

export function rucProblem(value: string): RucProblem | null {
  if (!/^\d{11}$/.test(value)) return 'length';
  if (!['10', '15', '17', '20'].includes(value.slice(0, 2))) return 'prefix';
  const sum = weights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return (11 - (sum % 11)) % 10 === Number(value[10]) ? null : 'checkDigit';
}
