import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index';
import { corroborateInStory, placeInStory } from '../../../shared/corroboration/article';
import { matchEntries, type ArticleForMatching, type MatchEntry } from '../../../shared/corroboration/entries';
import { corroborate, type StoredEntry } from '../../../shared/corroboration/facts';
import { arabicSkeleton, articleNames, fold, latinSkeleton } from '../../../shared/corroboration/names';
import { corroborationChanges, corroborationOf, type StoryClaim } from '../../../shared/corroboration/records';
import { FACT_FEATURES, factFeatures } from '../../../shared/corroboration/pairs';
import { relationOf } from '../../../shared/corroboration/relation';
import { STORY_FEATURES, storyFeatures, type Story } from '../../../shared/corroboration/stories';

function article(id: string, source: string, title: string, text: string, publishedAt = '2026-02-10T08:00:00Z'): { a: ArticleForMatching; entries: MatchEntry[] } {
  const a: ArticleForMatching = { id, source, url: `https://${source}/${id}`, title, publishedAt, text };
  const claims = extractClaims(text).claims.map((c, i) => ({ ...c, id: `${id}-c${i}` }));
  return { a, entries: matchEntries(a, claims) };
}

/** Articles through stories and facts one at a time, as the worker runs them. */
function run(...items: { a: ArticleForMatching; entries: MatchEntry[] }[]) {
  const stories = new Map<string, Story>();
  const claims: (StoredEntry & { storyId: string })[] = [];
  const links: [string, string, string][] = [];
  const storyOf = new Map<string, string>();
  for (const { a, entries } of items) {
    const step = placeInStory(a, entries, [...stories.values()]);
    const earlier = claims.filter((c) => step.storyIds.includes(c.storyId));
    const outcome = corroborateInStory(a, entries, step, earlier);
    stories.set(outcome.story.id, outcome.story);
    for (const m of step.choice.merge) stories.delete(m.id);
    for (const c of claims) if (outcome.facts.has(c.claimId)) c.factId = outcome.facts.get(c.claimId);
    claims.push(...entries.map((e) => ({ ...e, storyId: outcome.story.id, ...(outcome.facts.has(e.claimId) ? { factId: outcome.facts.get(e.claimId) } : {}) })));
    storyOf.set(a.id, outcome.story.id);
    links.push(...outcome.links.map((l): [string, string, string] => [l.from.text, l.to.text, l.relation]));
  }
  return { links, storyOf };
}

const en = article('en', 'harbour-times.example', 'Storm Orla hits Port Varna, killing 7',
  'Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.\n' +
  'Varna Harbour Authority said repairs at the Kestrel Quay would cost $48 million.');

describe('names across scripts', () => {
  it('folds diacritics and meets a Latin name in its Arabic spelling by its consonants', () => {
    expect(fold('Hà Tĩnh')).toBe('ha tinh');
    expect(latinSkeleton('Kestrel')).toBe(arabicSkeleton('كستريل'));
    expect(latinSkeleton('Marsa') + latinSkeleton('Tawil')).toBe(arabicSkeleton('مرسى') + arabicSkeleton('طويل'));
  });

  it('reads country names in the three languages from CLDR, with or without Arabic prefixes', () => {
    expect(articleNames('', 'Công ty ở Hàn Quốc đã ký.').generic).toContain('place:KR');
    expect(articleNames('', 'وقعت الشركة في كوريا الجنوبية.').generic).toContain('place:KR');
    expect(articleNames('', 'The deal was signed in South Korea.').generic).toContain('place:KR');
  });
});

describe('what ties two short reports of one event', () => {
  it('names the last word of a name of several: a surname, a storm or a place after its title', () => {
    expect(articleNames('Typhoon Mira nears Cape Solen', 'Chief executive Wanjiru Kamau spoke.').names).toEqual(expect.arrayContaining(['mira', 'solen', 'kamau']));
    expect(articleNames('Bão Mira đổ bộ', 'Bão Mira đổ bộ vào Cape Solen.').names).toEqual(expect.arrayContaining(['mira', 'solen']));
    // but not a word that says what kind of thing is named
    expect(articleNames('', 'Aid came from Halden Province and the Gulf Bank.').names).not.toEqual(expect.arrayContaining(['province']));
    expect(articleNames('', 'Aid came from Halden Province and the Gulf Bank.').names).not.toContain('bank');
  });

  it('meets a figure precise on one side and rough on the other, and two currencies of one amount', () => {
    const en = article('e', 'harbour.example', 'Typhoon Mira nears Cape Solen', 'Typhoon Mira hit Cape Solen, forcing the evacuation of about 8,000 residents.\nRepairs will cost $36 million.');
    const vi = article('v', 'tin.example', 'Bão Mira đổ bộ Cape Solen', 'Bão Mira đổ bộ vào Cape Solen, khoảng 8.000 người dân phải sơ tán.\nChi phí sửa chữa khoảng 930 tỷ đồng.', '2026-02-10T10:00:00Z');
    const { storyOf } = run(en, vi);
    expect(storyOf.get('v')).toBe(storyOf.get('e'));
  });
});

describe('the story features', () => {
  it('puts each count in one bin and the time between in one span, so that nothing is counted twice', () => {
    const sig = (names: string[]) => ({ names, generic: [], latinSounds: [], arabicSounds: [], words: [], figures: [], roughFigures: [] });
    const on = (x: number[]) => STORY_FEATURES.filter((_, i) => x[i] === 1);
    expect(on(storyFeatures(sig(['tarvel']), '2026-03-14T06:00:00Z', sig(['tarvel']), '2026-03-14T09:30:00Z'))).toEqual(['names_1', 'days_0-3']);
    expect(on(storyFeatures(sig(['tarvel', 'anika roos', 'halden']), '2026-03-14T06:00:00Z', sig(['tarvel', 'anika roos', 'halden']), '2026-04-01T06:00:00Z')))
      .toEqual(['names_2+', 'long_names_1', 'days_14-61']);
    // undated: time says nothing
    expect(on(storyFeatures(sig(['tarvel']), undefined, sig(['tarvel']), '2026-03-14T09:30:00Z'))).toEqual(['names_1']);
  });
});

describe('the relation from the intervals', () => {
  it('conflicts on two different whole counts; a bound agrees with what it allows', () => {
    const [seven, nine, moreThanFive] = article('x', 'x.example', 't', 'It killed 7 people. It killed 9 people. It killed more than 5 people.').entries;
    expect(relationOf(seven!.features, nine!.features)).toBe('conflicts');
    expect(relationOf(seven!.features, moreThanFive!.features)).toBe('corroborates');
  });
});

describe('what a count counts', () => {
  it('compares jobs with the employees who hold them, in any language, and not with houses', () => {
    const dim = (text: string) => article('x', 'x.example', 't', text).entries[0]!.features.dimension;
    expect(dim('The plant will cut 4,500 jobs.')).toBe(dim('Nhà máy sẽ cắt giảm 4.500 lao động.'));
    expect(dim('The plant will cut 4,500 jobs.')).toBe(dim('The plant will cut 4,500 workers.'));
    expect(dim('The plant will cut 4,500 jobs.')).not.toBe(dim('The storm destroyed 4,500 houses.'));
  });

  it('compares degrees written with no scale with degrees Celsius', () => {
    const dim = (text: string) => article('x', 'x.example', 't', text).entries[0]!.features.dimension;
    expect(dim('The city baked at 44 degrees.')).toBe(dim('سجلت المدينة 44 درجة مئوية.'));
    expect(dim('The city baked at 44 degrees.')).toBe(dim('The city baked at 44C.'));
  });
});

describe('what a pair of claims tells', () => {
  /** The same-fact features of the first claims (not years) of two one-sentence articles, by name. */
  const pair = (x: string, y: string) => {
    const a = article('a', 'a.example', 't', x).entries;
    const b = article('b', 'b.example', 't', y).entries;
    const [ca, cb] = [a, b].map((list) => list.find((e) => e.features.dimension !== 'date')!);
    const mates = (list: MatchEntry[], e: MatchEntry) => list.filter((o) => o.features.dimension === e.features.dimension);
    const v = factFeatures(ca!, cb!, mates(a, ca!), mates(b, cb!));
    return Object.fromEntries(FACT_FEATURES.map((name, i) => [name, v[i]!]));
  };

  it('tells two years of one decade apart: the same figure said of two years is a clash, not a shared figure', () => {
    const apart = pair('Some 150,000 passengers flew the route in 2024.', 'The airline expects 150,000 passengers in 2026.');
    expect(apart.year_clash).toBe(1);
    expect(apart.sentence_figure).toBe(0);
    const same = pair('Some 150,000 passengers flew the route in 2024.', 'Năm 2024 có khoảng 150.000 lượt hành khách.');
    expect(same.year_clash).toBe(0);
    expect(same.sentence_figure).toBe(1);
  });

  it('puts a number inside a vague amount at no distance from it ("thousands" holds 3,000)', () => {
    expect(pair('Thousands of residents fled the fire.', 'About 3,000 residents fled the fire.').log_ratio).toBe(0);
    expect(pair('Hundreds of residents fled the fire.', 'About 3,000 residents fled the fire.').log_ratio).toBeGreaterThan(1);
  });

  it('keeps the ages of two named people apart, and the age of one person said twice together', () => {
    expect(pair('"It was dark," said Tran Van Long, 34, a welder.', 'Nguyen Thi Hoa, 45, lives near the plant.').age_name_clash).toBe(1);
    expect(pair('"It was dark," said Tran Van Long, 34, a welder.', 'Anh Tran Van Long (34 tuổi) kể lại.').age_name_clash).toBe(0);
  });

  it('reads "ago" as the time since an event, in English and Vietnamese', () => {
    const about = (text: string) => article('x', 'x.example', 't', text).entries[0]!.features.about;
    expect(about('She took charge three years ago.').since).toBeDefined();
    expect(about('Bà nhậm chức cách đây 3 năm.').since).toBeDefined();
  });
});

describe('stories and facts', () => {
  it('puts the same story told in Vietnamese in one story and links its agreeing and conflicting figures', () => {
    const vi = article('vi', 'tin-nhanh.example', 'Bão Orla đổ bộ Port Varna, 9 người chết',
      'Bão Orla đổ bộ vào Port Varna, làm 9 người chết và khoảng 12.000 người dân phải sơ tán.\n' +
      'Varna Harbour Authority cho biết chi phí sửa chữa cầu cảng Kestrel Quay là 48 triệu USD.', '2026-02-11T02:00:00Z');
    const { links, storyOf } = run(en, vi);
    expect(storyOf.get('vi')).toBe(storyOf.get('en'));
    expect(links).toEqual(expect.arrayContaining([
      ['9 người chết', '7 people', 'conflicts'],
      ['khoảng 12.000 người dân', 'about 12,000 residents', 'corroborates'],
    ]));
  });

  it('keeps an unrelated article of the same hour in a story of its own, and links nothing to it', () => {
    const other = article('o', 'sports-desk.example', 'Cup final in Lisbon',
      'Rovers sold 7 players and earned $48 million; 12,000 fans travelled to Lisbon for the final.', '2026-02-10T09:00:00Z');
    const { links, storyOf } = run(en, other);
    expect(storyOf.get('o')).not.toBe(storyOf.get('en'));
    expect(links).toEqual([]);
  });

  it('never links two claims of the same source', () => {
    const again = article('s', 'harbour-times.example', 'Storm Orla: toll rises to 9',
      'Storm Orla hit Port Varna on Monday, killing 9 people.', '2026-02-11T08:00:00Z');
    expect(run(en, again).links).toEqual([]);
  });
});

describe('facts many-to-many', () => {
  const entry = (id: string, articleId: string, source: string, value: number, publishedAt: string): StoredEntry =>
    ({ ...article(articleId, source, 't', `The blast killed ${value} workers.`, publishedAt).entries[0]!, claimId: id });

  it('joins a claim to every member of the fact it states, and marks a later rising toll as a possible update', () => {
    const first = { ...entry('a-c0', 'a', 'a.example', 12, '2026-03-01T08:00:00Z'), factId: 'a-c0' };
    const second = { ...entry('b-c0', 'b', 'b.example', 12, '2026-03-01T10:00:00Z'), factId: 'a-c0' };
    const later = entry('c-c0', 'c', 'c.example', 14, '2026-03-03T08:00:00Z');
    const outcome = corroborate([later], [first, second]);
    expect(outcome.links.map((l) => [l.to.claimId, l.relation]).sort()).toEqual([['a-c0', 'conflicts'], ['b-c0', 'conflicts']]);
    expect(outcome.facts.get('c-c0')).toBe('a-c0');
    // for the earlier claims, the later report is a possible update; not the other way round
    expect(outcome.links.every((l) => l.possibleUpdate.to && !l.possibleUpdate.from)).toBe(true);
  });
});

describe('what corroboration writes', () => {
  it('raises a status and never lowers it', () => {
    expect(corroborationOf(['corroborates'])).toBe('corroborated');
    expect(corroborationOf(['corroborates'], 'conflicting')).toBe('conflicting');
    expect(corroborationOf(['conflicts', 'corroborates'], 'corroborated')).toBe('conflicting');
    expect(corroborationOf([])).toBe('single_source');
  });

  it('puts both publication times on the evidence of both claims', () => {
    const a = article('a', 'a.example', 'Quay', 'The port hired 340 divers.', '2026-03-01T08:00:00Z').entries[0]!;
    const b = article('b', 'b.example', 'Quay', 'The port hired 340 divers.', '2026-03-02T08:00:00Z').entries[0]!;
    const earlier: StoryClaim = { ...a, corroboration: 'single_source', createdAt: '2026-03-01T08:01:00Z' };
    const changes = corroborationChanges('S-a', [b], [earlier], {
      links: [{ from: b, to: a, relation: 'corroborates', score: 0.9, possibleUpdate: { from: false, to: false } }],
      facts: new Map([[b.claimId, a.claimId]]),
      candidates: new Map(),
    });
    expect(changes.own.get(b.claimId)).toMatchObject({
      storyId: 'S-a', corroboration: 'corroborated',
      evidence: [{ claimId: a.claimId, publishedAt: '2026-03-01T08:00:00Z', ownPublishedAt: '2026-03-02T08:00:00Z' }],
    });
    expect(changes.earlier).toMatchObject([{ claimId: a.claimId, seen: 'single_source', corroboration: 'corroborated', evidence: [{ claimId: b.claimId, publishedAt: '2026-03-02T08:00:00Z' }] }]);
  });
});
