/** Markdown tables: readable in a terminal and pasteable into README.md. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|";
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** 1234567 → "1,234,567"; small values keep 3 significant digits. */
export function count(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString("en-US") : v.toPrecision(3);
}

export function percent(v: number): string {
  return `±${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;
}

export function ratio(v: number): string {
  return `${v.toFixed(2)}x`;
}
