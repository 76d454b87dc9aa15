import { suppress1d, suppress2d, suppressCount } from './suppression';

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
