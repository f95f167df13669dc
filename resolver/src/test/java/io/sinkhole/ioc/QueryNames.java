package io.sinkhole.ioc;

/** A query name in the wire form {@code QueryParser} hands to {@link IocSet#match}. */
final class QueryNames {
  final byte[] wire = new byte[256];
  final int[] labelStarts = new int[128];
  int labelCount;
  int length;

  static QueryNames of(String name) {
    QueryNames q = new QueryNames();
    q.length = WireNames.toWire(name, q.wire);
    for (int p = 0; p < q.length; p += (q.wire[p] & 0xff) + 1) {
      q.labelStarts[q.labelCount++] = p;
    }
    return q;
  }

  DomainMatch matchIn(IocSet set) {
    return set.match(wire, labelStarts, labelCount, length, 0L, new long[128]);
  }
}
