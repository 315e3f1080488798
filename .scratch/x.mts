import { extractClaims } from '../shared/claims/index';
for (const s of process.argv.slice(2)) {
  const r = extractClaims(s);
  console.log(`${r.language} | ${s}`);
  for (const c of r.claims as any[]) console.log(`   ${c.kind} ${c.value ?? ''}${c.max !== undefined ? '..' + c.max : ''} ${c.unit ?? ''} ${c.qualifier} "${c.quote ?? c.text ?? ''}"`);
}
