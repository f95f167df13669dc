package io.sinkhole.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the environment variables behind a binding error, so the message names the variable to fix
 * instead of a line of the file that the value did not come from.
 */
final class EnvBlame {
  private EnvBlame() {}

  /**
   * The variables that set {@code pointer} or something inside it, joined with ", "; empty when the
   * value came from the file.
   *
   * <p>A record's own checks fail at the record, not at the key (Jackson cannot tell which argument
   * was wrong), so variables below the failing node are candidates; those whose key the problem
   * text mentions are preferred.
   */
  static String variablesFor(String pointer, String problem, Map<String, String> fromEnv) {
    List<String> above = new ArrayList<>();
    List<String> below = new ArrayList<>();
    List<String> mentioned = new ArrayList<>();
    fromEnv.forEach(
        (p, variable) -> {
          if (within(pointer, p)) {
            above.add(variable);
          } else if (within(p, pointer)) {
            below.add(variable);
            if (problem != null && problem.contains(p.substring(p.lastIndexOf('/') + 1))) {
              mentioned.add(variable);
            }
          }
        });
    List<String> chosen = !above.isEmpty() ? above : !mentioned.isEmpty() ? mentioned : below;
    return String.join(", ", chosen);
  }

  /** Whether {@code inner} is {@code outer} or a node below it. */
  private static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
