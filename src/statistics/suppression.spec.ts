import { isSmallDifference, suppress1d, suppress2d, suppressBreakdowns, suppressCount, suppressPart } from './suppression';

const cells = (values: Record<string, number>) => Object.entries(values).map(([key, value]) => ({ key, value }));
const displays = (table: ReturnType<typeof suppress1d>) => Object.fromEntries(table.cells.map((c) => [c.key, c.display]));

/** Every row and column of a two-way table with exactly one hidden member (cells + total) gives it away. */
function linesGivingAHiddenCellAway(t: ReturnType<typeof suppress2d>): string[] {
  const bad: string[] = [];
  const hidden = (xs: { suppressed: boolean }[]) => xs.filter((x) => x.suppressed).length;
  t.cells.forEach((row, i) => {
    if (hidden([...row, t.rowTotals[i]]) === 1) bad.push(`row ${i}`);
  });
  t.columnTotals.forEach((total, j) => {
    if (hidden([...t.cells.map((row) => row[j]), total]) === 1) bad.push(`column ${j}`);
  });
  if (hidden([...t.columnTotals, t.grandTotal]) === 1) bad.push('column totals');
  if (hidden([...t.rowTotals, t.grandTotal]) === 1) bad.push('row totals');
  return bad;
}

describe('suppression of small counts', () => {
  it('shows counts of 1-4 as <5', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(suppressCount(n)).toEqual({ value: n, suppressed: true, reason: 'small', display: '<5' });
    }
    expect(suppressCount(5)).toEqual({ value: 5, suppressed: false, reason: null, display: '5' });
    expect(suppressCount(212).display).toBe('212');
  });

  it('never hides a zero', () => {
    expect(suppressCount(0)).toEqual({ value: 0, suppressed: false, reason: null, display: '0' });
    const table = suppress1d(cells({ debt: 40, housing: 0, health: 3, other: 0, family: 20 }));
    expect(displays(table)).toEqual({ debt: '40', housing: '0', health: '<5', other: '0', family: 'skjult' });
  });

  it('leaves a table alone when nothing is small', () => {
    const table = suppress1d(cells({ female: 118, male: 81, unknown: 12 }));
    expect(table.cells.every((c) => !c.suppressed)).toBe(true);
    expect(table.total).toEqual({ value: 211, suppressed: false, reason: null, display: '211' });
  });

  it('hides a second cell so the hidden one cannot be worked out from the total', () => {
    const table = suppress1d(cells({ female: 118, male: 81, other: 1, unknown: 12 }));
    expect(displays(table)).toEqual({ female: '118', male: '81', other: '<5', unknown: 'skjult' });
    // The second hidden cell keeps its true value, and is not labelled "<5": it is 12.
    expect(table.cells.find((c) => c.key === 'unknown')).toEqual({ key: 'unknown', value: 12, suppressed: true, reason: 'secondary', display: 'skjult' });
    expect(table.total?.display).toBe('212');
  });

  it('picks the first of equally small cells as the second hidden cell', () => {
    const table = suppress1d(cells({ a: 30, b: 9, c: 2, d: 9 }));
    expect(displays(table)).toEqual({ a: '30', b: 'skjult', c: '<5', d: '9' });
  });

  it('needs no second hidden cell when two or more are already small', () => {
    const table = suppress1d(cells({ a: 30, b: 2, c: 3 }));
    expect(displays(table)).toEqual({ a: '30', b: '<5', c: '<5' });
  });

  it('needs no second hidden cell when the table has no total', () => {
    const table = suppress1d(cells({ a: 30, b: 2, c: 12 }), 5, null);
    expect(displays(table)).toEqual({ a: '30', b: '<5', c: '12' });
    expect(table.total).toBeNull();
  });

  it('hides a small total too', () => {
    const table = suppress1d(cells({ a: 3, b: 0 }));
    expect(displays(table)).toEqual({ a: '<5', b: '0' });
    expect(table.total).toEqual({ value: 3, suppressed: true, reason: 'small', display: '<5' });
  });

  it('hides the total when no other cell can be hidden', () => {
    // The total was given separately (e.g. cases started) and is not a small count.
    const table = suppress1d(cells({ a: 3, b: 0 }), 5, 9);
    expect(table.total?.suppressed).toBe(true);
  });

  it('uses the plan\'s threshold', () => {
    expect(suppressCount(7, 10).display).toBe('<10');
    expect(suppressCount(10, 10).display).toBe('10');
    expect(suppressCount(4, 3).display).toBe('4');
    const table = suppress1d(cells({ a: 50, b: 8, c: 12, d: 25 }), 10);
    expect(displays(table)).toEqual({ a: '50', b: '<10', c: 'skjult', d: '25' });
    // A threshold of 1 hides nothing.
    expect(suppress1d(cells({ a: 1, b: 2 }), 1).cells.every((c) => !c.suppressed)).toBe(true);
  });

  it('rejects a threshold that is not a whole number of at least 1', () => {
    expect(() => suppressCount(3, 0)).toThrow(RangeError);
    expect(() => suppress1d(cells({ a: 3 }), 2.5)).toThrow(RangeError);
  });

  it('suppresses across rows and columns of a two-way table until no total gives a hidden cell away', () => {
    // Topic × housing area. Only one cell is small, but hiding it forces a chain across the table.
    const values = [
      [20, 3, 15],
      [12, 30, 8],
      [9, 11, 25],
    ];
    const t = suppress2d(values);
    // (0,1) is small. Row 0 then hides its smallest other cell (15), column 1 its (11); that leaves
    // column 2 with one hidden cell (8 is hidden), and rows 1 and 2 in turn (12 and 9).
    expect(t.cells.map((row) => row.map((c) => c.display))).toEqual([
      ['20', '<5', 'skjult'],
      ['skjult', '30', 'skjult'],
      ['skjult', 'skjult', '25'],
    ]);
    expect(linesGivingAHiddenCellAway(t)).toEqual([]);
    // Totals stay visible and true, and hidden cells keep their real values.
    expect(t.rowTotals.map((x) => x.display)).toEqual(['38', '50', '45']);
    expect(t.columnTotals.map((x) => x.display)).toEqual(['41', '44', '48']);
    expect(t.grandTotal.display).toBe('133');
    expect(t.cells[0][2]).toEqual({ value: 15, suppressed: true, reason: 'secondary', display: 'skjult' });
  });

  it('hides a total in a two-way table when its line has no other cell left to hide', () => {
    // Residents by gender (rows) × channel (columns): the 12 gets hidden to protect the 3 in its
    // column, and its row has only a zero besides, so the row total 12 would give it away.
    const t = suppress2d([
      [3, 20],
      [12, 0],
    ]);
    expect(t.cells.map((row) => row.map((c) => c.display))).toEqual([
      ['<5', 'skjult'],
      ['skjult', '0'],
    ]);
    expect(t.rowTotals[1]).toEqual({ value: 12, suppressed: true, reason: 'secondary', display: 'skjult' });
    expect(linesGivingAHiddenCellAway(t)).toEqual([]);
    expect(t.grandTotal.display).toBe('35');
  });

  it('keeps every line of a larger two-way table safe', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 50; run++) {
      const values = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => Math.floor(random() * random() * 30)));
      const t = suppress2d(values, 5);
      expect(linesGivingAHiddenCellAway(t)).toEqual([]);
      t.cells.flat().forEach((c) => {
        if (c.value === 0) expect(c.suppressed).toBe(false);
        if (c.value > 0 && c.value < 5) expect(c.suppressed).toBe(true);
      });
    }
  });
});

describe('one total broken down several ways', () => {
  /** A line (a table with the shared total) with exactly one hidden member gives that member away. */
  function tablesGivingAHiddenCountAway(t: ReturnType<typeof suppressBreakdowns>, values: number[][], total: number): number[] {
    return t.tables.flatMap((table, i) => {
      const remainder = total - values[i].reduce((a, b) => a + b, 0);
      const hidden = table.filter((c) => c.suppressed).length + (t.total.suppressed ? 1 : 0) + (remainder > 0 && remainder < 5 ? 1 : 0);
      return hidden === 1 ? [i] : [];
    });
  }

  it('protects each breakdown of the cases started against the one shared total', () => {
    const t = suppressBreakdowns(
      [
        cells({ female: 118, male: 81, other: 1, unknown: 12 }),
        cells({ debt: 150, housing: 62 }),
      ],
      212,
    );
    expect(t.tables.map((table) => table.map((c) => c.display))).toEqual([
      ['118', '81', '<5', 'skjult'],
      ['150', '62'],
    ]);
    expect(t.total.display).toBe('212');
  });

  it('hides the shared total in every breakdown once one of them needs it hidden, and protects the others again', () => {
    // Cases started 9, but the topics account for only 3 of them (a small hidden topic and a
    // zero): the only thing left to hide is the total. Hidden there, it is hidden everywhere, and
    // the form table, whose single form is then total minus nothing, hides that form too.
    const t = suppressBreakdowns([cells({ debt: 3, other: 0 }), cells({ appointment: 9 })], 9);
    expect(t.total).toMatchObject({ suppressed: true, display: 'skjult' });
    expect(t.tables.map((table) => table.map((c) => c.display))).toEqual([
      ['<5', '0'],
      ['skjult'],
    ]);
  });

  it('treats the cases a breakdown leaves out as a hidden count when there are few of them', () => {
    // 15 cases started, 12 with a recorded gender: "I alt" minus the shown 12 would give away the 3.
    const t = suppressBreakdowns([cells({ female: 12 }), cells({ debt: 15 })], 15);
    expect(t.tables.map((table) => table.map((c) => c.display))).toEqual([['skjult'], ['15']]);
    expect(t.total.display).toBe('15');
  });

  it('hides the total when asked to, and then protects the table against the hidden total', () => {
    // The total is needed hidden for a reason outside the table; hidden alone, it would be the
    // sum of the shown cells, so the smallest cell is hidden with it.
    const t = suppressBreakdowns([cells({ matching: 8, employment: 5, ended: 0 })], 13, 5, { hideTotal: true });
    expect(t.total).toMatchObject({ suppressed: true, display: 'skjult' });
    expect(t.tables[0].map((c) => c.display)).toEqual(['8', 'skjult', '0']);
    // A zero total is nothing to hide.
    expect(suppressBreakdowns([cells({ a: 0 })], 0, 5, { hideTotal: true }).total.display).toBe('0');
  });

  it('keeps every breakdown safe whatever the counts', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    /** `sum` split at random into 1-4 cells, many of them small. */
    const split = (sum: number) => {
      const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * (sum + 1))).sort((a, b) => a - b);
      return [...cuts, sum].map((cut, i, all) => cut - (i === 0 ? 0 : all[i - 1]));
    };
    for (let run = 0; run < 200; run++) {
      const total = Math.floor(random() * 40);
      // Each breakdown covers the total, or falls a case or two short (a category not recorded).
      const values = Array.from({ length: 3 }, () => split(Math.max(0, total - Math.floor(random() * 3))));
      const t = suppressBreakdowns(values.map((row) => row.map((value, j) => ({ key: String(j), value }))), total);
      expect(tablesGivingAHiddenCountAway(t, values, total)).toEqual([]);
      expect(t.tables.map((table) => table.map((c) => c.value))).toEqual(values);
    }
  });
});

describe('a headline and the part of it another headline gives', () => {
  it('hides the anonymous residents when the named ones could be worked out as a small difference', () => {
    // 23 residents, 21 of them anonymous: showing both tells that 2 residents were named.
    const { part, whole } = suppressPart(21, 23);
    expect(part).toMatchObject({ value: 21, suppressed: true, reason: 'secondary', display: 'skjult' });
    expect(whole.display).toBe('23');
  });

  it('shows both when neither they nor their difference is small', () => {
    expect(suppressPart(21, 143)).toMatchObject({ part: { display: '21' }, whole: { display: '143' } });
    // A difference of zero identifies nobody.
    expect(suppressPart(21, 21)).toMatchObject({ part: { display: '21' }, whole: { display: '21' } });
  });

  it('calls a difference small only when both figures are shown and the rest is 1-4', () => {
    expect(isSmallDifference(11, 13)).toBe(true);
    expect(isSmallDifference(11, 11)).toBe(false);
    expect(isSmallDifference(11, 20)).toBe(false);
    expect(isSmallDifference(3, 6)).toBe(false);
    expect(isSmallDifference(11, 13, 2)).toBe(false);
  });

  it('keeps the whole shown when only the part is small, since the rest is never printed', () => {
    expect(suppressPart(3, 23)).toMatchObject({ part: { display: '<5' }, whole: { display: '23' } });
    expect(suppressPart(3, 4)).toMatchObject({ part: { display: '<5' }, whole: { display: '<5' } });
  });
});
