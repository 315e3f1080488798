import { loadAnnotatedDirs } from './evaluation/corpus';
import { extractAll, runReplay, replayCorroboration } from './evaluation/replay';
import { explainLinks, formatExplanation } from './evaluation/explain';
import { scoreLinks } from './evaluation/links';
for (const dir of process.argv.slice(2).filter((a) => !a.startsWith('-'))) {
  const articles = await loadAnnotatedDirs([dir]);
  const run = runReplay(extractAll(articles));
  const s = scoreLinks(articles, run.predicted);
  console.log(dir, `gold ${s.gold} predicted ${s.predicted} correct ${s.correct} unrelated ${s.unrelatedLinked} F1 ${s.links.f1.toFixed(3)} P ${s.links.precision.toFixed(3)} R ${s.links.recall.toFixed(3)}`);
  console.log(formatExplanation(explainLinks(articles, run.predicted, replayCorroboration(articles)), process.argv.includes('-v')));
}
{
  const articles = await loadAnnotatedDirs(['test/fixtures/corpus']);
  const run = runReplay(extractAll(articles));
  const g = new Map<string, string[]>();
  for (const a of articles) g.set(run.storyOf(a.id), [...(g.get(run.storyOf(a.id)) ?? []), a.id]);
  for (const [k, v] of g) if (v.length > 1) console.log(k, v.join(' '));
}
