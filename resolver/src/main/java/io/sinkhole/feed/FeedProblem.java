package io.sinkhole.feed;

/**
 * A feed line that was skipped, with where and why, so operators can fix the source.
 *
 * @param line 1-based line number in the feed file (0 when the format has no lines)
 * @param reason short, stable reason such as {@code invalid name} (also a metric label value)
 * @param excerpt the offending text, shortened and stripped of control characters
 */
public record FeedProblem(int line, String reason, String excerpt) {}
