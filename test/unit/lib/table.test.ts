import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../scripts/lib/table';

describe('formatTable', () => {
  it('pads columns to their widest cell, the first left-aligned and the others right-aligned', () => {
    expect(formatTable([['lang', 'files', 'F1'], ['ar', '12', '0.950'], ['all', '3', '1.000']])).toBe(
      ['lang  files     F1', 'ar       12  0.950', 'all       3  1.000'].join('\n'),
    );
  });

  it('draws a rule under the header, indents every line and follows the alignment it is given', () => {
    expect(formatTable([['size', 'ms'], ['100', '1.5']], { rule: true, indent: '  ', align: ['right', 'left'] })).toBe(
      ['  size  ms', '  ----  ---', '   100  1.5'].join('\n'),
    );
  });

  it('copes with ragged rows and no rows', () => {
    expect(formatTable([['a', 'b'], ['long']])).toBe(['a     b', 'long'].join('\n'));
    expect(formatTable([])).toBe('');
  });
});
