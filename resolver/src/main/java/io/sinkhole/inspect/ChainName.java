package io.sinkhole.inspect;

import org.xbill.DNS.Name;

/**
 * A name from an answer in the form the IOC index matches: lower-case wire labels without the root
 * label, with the offset of each label, so that an alias target is matched exactly as a query name
 * would be, whatever its case.
 */
final class ChainName {
  final byte[] wire;
  final int[] labelStarts;
  final int labelCount;
  final int length;
  final String text;

  ChainName(Name name) {
    Name lower = name.canonicalize();
    byte[] w = lower.toWireCanonical();
    this.wire = w;
    this.length = w.length - 1;
    this.labelCount = lower.labels() - 1;
    this.labelStarts = new int[Math.max(labelCount, 1)];
    int p = 0;
    for (int i = 0; i < labelCount; i++) {
      labelStarts[i] = p;
      p += (w[p] & 0xff) + 1;
    }
    this.text = lower.toString(true);
  }
}
