package io.sinkhole.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;

/**
 * One question in flight upstream and every client waiting for it: identical questions asked while
 * it is in flight join it instead of being sent again (issue #4). Lives only on its event loop.
 */
final class Pending {
  /** One client waiting; {@code query} is its own message, released once it has been answered. */
  record Waiter(ByteBuf query, int clientId, UpstreamCallback callback) {}

  final ByteBuf query;
  final int questionEnd;
  final Object key;
  final long deadlineNanos;
  final List<Waiter> waiters = new ArrayList<>(1);
  int id;
  int attempt;
  int upstreamIndex;
  int socket;
  long sentNanos;
  ScheduledFuture<?> timer;

  /** The TCP connection of a retry after a truncated answer, or null. */
  Channel tcp;

  Pending(ByteBuf query, int questionEnd, Object key, long deadlineNanos) {
    this.query = query;
    this.questionEnd = questionEnd;
    this.key = key;
    this.deadlineNanos = deadlineNanos;
  }
}
