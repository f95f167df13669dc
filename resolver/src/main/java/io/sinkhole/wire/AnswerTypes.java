package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Whether an upstream answer holds anything that answer inspection looks at, found by walking its
 * records without building them: most forwarded answers are plain addresses, and while the IOC set
 * lists no address there is nothing in them to inspect, so dnsjava need not parse them (issue #5).
 */
public final class AnswerTypes {
  static final int TYPE_A = 1;
  static final int TYPE_CNAME = 5;
  static final int TYPE_AAAA = 28;
  static final int TYPE_DNAME = 39;
  static final int TYPE_SVCB = 64;
  static final int TYPE_HTTPS = 65;

  private AnswerTypes() {}

  /**
   * True when every record of {@code wire} walks to the message's end and no answer record is an
   * alias (CNAME, DNAME) or a service binding (SVCB, HTTPS), nor an address when {@code addresses}
   * is set; an A or AAAA record of the wrong length also counts, so that dnsjava judges it. False
   * means "parse and inspect".
   */
  public static boolean nothingToInspect(byte[] wire, boolean addresses) {
    int end = wire.length;
    if (end < QueryParser.HEADER_LENGTH) {
      return false;
    }
    ByteBuf b = Unpooled.wrappedBuffer(wire);
    try {
      int p = QueryParser.HEADER_LENGTH;
      for (int i = b.getUnsignedShort(4); i > 0; i--) {
        p = QueryParser.skipName(b, 0, p, end) + 4;
      }
      int answers = b.getUnsignedShort(6);
      int total = answers + b.getUnsignedShort(8) + b.getUnsignedShort(10);
      for (int i = 0; i < total; i++) {
        p = QueryParser.skipName(b, 0, p, end);
        if (p + 10 > end) {
          return false;
        }
        int type = b.getUnsignedShort(p);
        int length = b.getUnsignedShort(p + 8);
        if (i < answers && inspected(type, length, addresses)) {
          return false;
        }
        p += 10 + length;
      }
      return p == end;
    } catch (MalformedQueryException e) {
      return false;
    }
  }

  private static boolean inspected(int type, int length, boolean addresses) {
    return switch (type) {
      case TYPE_CNAME, TYPE_DNAME, TYPE_SVCB, TYPE_HTTPS -> true;
      case TYPE_A -> addresses || length != 4;
      case TYPE_AAAA -> addresses || length != 16;
      default -> false;
    };
  }
}
