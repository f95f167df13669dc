package io.sinkhole.event;

import org.xbill.DNS.Type;

/**
 * Query type mnemonics ({@code A}, {@code AAAA}, {@code TYPE65534}) for the QueryType column.
 * dnsjava looks them up in a map of boxed integers; the row writer asks once per query, so the
 * common range is read from an array made once (issue #5).
 */
final class TypeNames {
  private static final String[] COMMON = new String[512];

  static {
    for (int t = 0; t < COMMON.length; t++) {
      COMMON[t] = Type.string(t);
    }
  }

  private TypeNames() {}

  static String of(int qtype) {
    return qtype >= 0 && qtype < COMMON.length ? COMMON[qtype] : Type.string(qtype);
  }
}
