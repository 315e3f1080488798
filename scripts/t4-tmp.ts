import { loadAnnotatedDirs } from './evaluation/corpus';
import { extractAll } from './evaluation/replay';
import { articleSignature } from '../shared/corroboration/stories';
const arts = await loadAnnotatedDirs(['test/fixtures/corpus']);
const ex = extractAll(arts.filter(a => /^story-/.test(a.id)));
const sig = new Map(ex.map(e => [e.article.id, articleSignature(e.article, e.entries)]));
for (const e of ex) { const s = sig.get(e.article.id)!; console.log(e.article.id, 'names', s.names.slice(0,12).join('|'), '\n  generic', s.generic.join('|'), '\n  latinS', s.latinSounds.slice(0,15).join(' '), '\n  arabS#', s.arabicSounds.length, '\n  figs', s.figures.join(' '), '\n  rough', s.roughFigures.join(' ')); }
const ar = sig.get('story-ar-2')!, en = sig.get('story-en-1')!;
console.log('shared ar-2/en-1 sounds', en.latinSounds.filter(x => ar.arabicSounds.includes(x)));
