package com.blooio.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table the runner ends with, in Markdown so it can be pasted as it is.
 */
final class SummaryTable {

	private static final String[] HEADER = { "Part", "Case", "Starter", "Baseline", "Ratio / added", "Target",
			"Verdict" };

	private final List<String[]> rows = new ArrayList<>();

	void add(String part, String measuredCase, String starter, String baseline, String comparison, String target,
			String verdict) {
		this.rows.add(new String[] { part, measuredCase, starter, baseline, comparison, target, verdict });
	}

	boolean hasInvalid() {
		return this.rows.stream().anyMatch((row) -> row[6].equals("INVALID"));
	}

	String render() {
		int[] widths = new int[HEADER.length];
		for (int i = 0; i < HEADER.length; i++) {
			widths[i] = HEADER[i].length();
		}
		for (String[] row : this.rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder table = new StringBuilder();
		appendRow(table, HEADER, widths);
		String[] rule = new String[HEADER.length];
		for (int i = 0; i < rule.length; i++) {
			rule[i] = "-".repeat(widths[i]);
		}
		appendRow(table, rule, widths);
		for (String[] row : this.rows) {
			appendRow(table, row, widths);
		}
		return table.toString();
	}

	private static void appendRow(StringBuilder table, String[] cells, int[] widths) {
		table.append('|');
		for (int i = 0; i < cells.length; i++) {
			table.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
		}
		table.append('\n');
	}

}
