import { cellStatus, coverageCells } from '../../../../src/tracking/domain/coverage.js';

const st = (
  clusterId: string,
  publisherId: string,
  stance: 'ASSERTS' | 'REPORTS',
  day: number,
) => ({
  claimId: `${clusterId}-${publisherId}-${day}`,
  clusterId,
  publisherId,
  stance,
  seenAt: new Date(Date.UTC(2031, 8, day)),
});

describe('coverage cells', () => {
  const publishers = [
    { id: 'asna', sourceCount: 1 },
    { id: 'kt', sourceCount: 1 },
    { id: 'wire', sourceCount: 2 },
    { id: 'ngo', sourceCount: 1 },
    { id: 'gone', sourceCount: 0 },
  ];
  const clusters = [
    { id: 'two', contradictedBy: ['four'] },
    { id: 'four', contradictedBy: ['two'] },
  ];
  const statements = [
    st('two', 'asna', 'ASSERTS', 20),
    st('four', 'kt', 'ASSERTS', 20),
    st('two', 'wire', 'REPORTS', 20),
    st('four', 'wire', 'REPORTS', 20),
  ];
  const cells = coverageCells(publishers, clusters, statements);
  const cell = (p: string, c: string) =>
    cells.find((x) => x.publisherId === p && x.clusterId === c)!;

  it('gives every publisher x cluster one cell', () => {
    expect(cells).toHaveLength(publishers.length * clusters.length);
  });

  it('reads assertion, contradiction, reporting, omission and absence', () => {
    expect(cell('asna', 'two').status).toBe('ASSERTS');
    expect(cell('kt', 'two').status).toBe('CONTRADICTS');
    expect(cell('wire', 'two').status).toBe('DISCUSSES');
    expect(cell('ngo', 'two').status).toBe('OMITS');
    expect(cell('gone', 'two').status).toBe('ABSENT');
  });

  it('lists the statements behind a cell, the cluster’s own first', () => {
    expect(cell('wire', 'two').statements.map((s) => s.clusterId)).toEqual(['two', 'four']);
    expect(cell('ngo', 'two').statements).toEqual([]);
  });

  it("takes a publisher's latest own-voice statement when it said both (a correction)", () => {
    expect(
      cellStatus(2, [st('wrong', 'wire', 'ASSERTS', 20)], [st('right', 'wire', 'ASSERTS', 21)]),
    ).toBe('CONTRADICTS');
    expect(
      cellStatus(2, [st('right', 'wire', 'ASSERTS', 21)], [st('wrong', 'wire', 'ASSERTS', 20)]),
    ).toBe('ASSERTS');
  });
});
