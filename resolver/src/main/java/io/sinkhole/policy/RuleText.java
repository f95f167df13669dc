package io.sinkhole.policy;

/**
 * The words that explain a verdict, made only when asked for: by the event writer, off the
 * answering thread. Building them for every matched query cost a share of the answering core on the
 * blocked workload (issue #5).
 */
@FunctionalInterface
public interface RuleText {

  String text();

  static RuleText of(String text) {
    return () -> text;
  }
}
