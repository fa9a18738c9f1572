package dev.weft.internal.report;

/**
 * One part of a report's explanation, as text (lines ending with a newline). The HTML page gives
 * each an anchor, so that the highlighted events of the interleaving link to the part about them.
 *
 * @param anchor the part's HTML id ({@code first}, {@code thread-2}), or null
 * @param text its lines
 */
record Paragraph(String anchor, String text) {}
