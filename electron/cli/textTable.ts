// Plain aligned columns for terminal output. The last column is not padded, so lines carry no
// trailing spaces; columns listed in `right` align right (numbers).
export function textTable(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => {
          const width = widths[column] ?? 0;
          if (right.has(column)) return cell.padStart(width);
          return column < row.length - 1 ? cell.padEnd(width) : cell;
        })
        .join('  '),
    )
    .join('\n');
}
