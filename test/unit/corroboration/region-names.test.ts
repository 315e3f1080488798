import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cldrRegionNames, REGION_NAMES_MODULE, regionNamesModule } from '../../../scripts/build-region-names';
import { namesIn } from '../../../shared/corroboration/names';

describe('the region names', () => {
  it("are CLDR's, as this runtime gives them (run `npm run build:regions` after changing the codes)", async () => {
    const actual = await readFile(REGION_NAMES_MODULE, 'utf8');
    expect(actual).toBe(regionNamesModule(cldrRegionNames()));
  });

  it('name a country in any of the three languages as one place', () => {
    const places = (text: string) => namesIn(text).filter((n) => n.startsWith('place:'));
    expect(places('Talks resumed in Saudi Arabia on Monday.')).toEqual(['place:SA']);
    expect(places('استؤنفت المحادثات في المملكة العربية السعودية يوم الاثنين.')).toEqual(['place:SA']);
    expect(places('Các cuộc đàm phán được nối lại tại Ả Rập Xê-út hôm thứ Hai.')).toEqual(['place:SA']);
  });
});
