package io.sinkhole.upstream;

import io.netty.buffer.ByteBuf;

/** Completion of one forwarded query; invoked on the event loop that forwarded it. */
public interface UpstreamCallback {

  /**
   * The upstream answered. {@code response} already carries the client's ID; the callee owns it and
   * must release it.
   */
  void answered(ByteBuf response, String upstream);

  /** Every upstream failed or the deadline passed; {@code reason} is a metric label value. */
  void failed(String reason);
}
