package io.sinkhole.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

/** One forwarded query waiting for its reply. Lives only on its event loop. */
final class Pending {
  final ByteBuf query;
  final int clientId;
  final int questionEnd;
  final UpstreamCallback callback;
  final long deadlineNanos;
  int attempt;
  int upstreamIndex;
  long sentNanos;
  ScheduledFuture<?> timer;

  Pending(ByteBuf query, int clientId, int questionEnd, UpstreamCallback cb, long deadline) {
    this.query = query;
    this.clientId = clientId;
    this.questionEnd = questionEnd;
    this.callback = cb;
    this.deadlineNanos = deadline;
  }
}
