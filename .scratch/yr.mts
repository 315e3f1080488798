import { readFileSync } from 'node:fs';
import { extractClaims } from '../shared/claims/index';
import { quantempClaims } from '../scripts/evaluation/realtext';
const texts = quantempClaims(readFileSync('/work/shared/realtext/quantemp_test.csv', 'utf8'));
for (const t of texts) for (const c of extractClaims(t).claims as any[]) {
  if (c.kind !== 'date' && c.value >= 1900 && c.value <= 2100 && Number.isInteger(c.value)) console.log(c.kind, c.qualifier, JSON.stringify(c.quote), '|', t.slice(0, 160));
}
