package io.sinkhole.cache;

import io.netty.buffer.ByteBuf;
import io.sinkhole.wire.ClientAnswers;

/**
 * One stored answer: the wire bytes as the upstream sent them (ID zeroed, TTLs already clamped to
 * the configured bounds), where each TTL sits, when it was stored, and what answer inspection
 * decided about it, so that a hit needs neither a parse nor a second inspection.
 *
 * @param <V> the inspection result kept with the answer
 */
public final class CachedAnswer<V> {
  private static final int HEADER = 12;

  private final byte[] wire;
  private final int[] ttlOffsets;
  private final int questionEnd;
  private final long storedNanos;
  private final long lifetimeNanos;
  private final V verdict;

  /** {@link ClientAnswers#layout} of {@code wire}: a hit is sent without walking it again. */
  private final int layout;

  /**
   * CLOCK's reference mark ({@link ClockStore}). A plain field on purpose: a lost update costs one
   * eviction decision, and a primitive write dirties no card for the garbage collector.
   */
  private boolean referenced;

  CachedAnswer(byte[] wire, AnswerScan scan, long storedNanos, long lifetimeNanos, V verdict) {
    this.wire = wire;
    this.ttlOffsets = scan.ttlOffsets;
    this.questionEnd = scan.questionEnd;
    this.storedNanos = storedNanos;
    this.lifetimeNanos = lifetimeNanos;
    this.verdict = verdict;
    this.layout = ClientAnswers.layout(wire);
  }

  /** For {@link io.sinkhole.query.Exchange#answerLayout(int)}. */
  public int layout() {
    return layout;
  }

  public V verdict() {
    return verdict;
  }

  public int rcode() {
    return wire[3] & 0x0f;
  }

  public int size() {
    return wire.length;
  }

  long lifetimeNanos() {
    return lifetimeNanos;
  }

  boolean expired(long now) {
    return now - storedNanos >= lifetimeNanos;
  }

  /** Marks the entry as read; written only when it changes, so hot entries stay read-only. */
  void touch() {
    if (!referenced) {
      referenced = true;
    }
  }

  /** Clears the mark and says whether it was set: a second chance for the entry. */
  boolean clearReference() {
    boolean was = referenced;
    if (was) {
      referenced = false;
    }
    return was;
  }

  int weight() {
    return wire.length + 4 * ttlOffsets.length + 64;
  }

  /**
   * Appends the answer to {@code out} for one client: its ID, its spelling of the question (so
   * 0x20-randomised names come back as sent) and every TTL counted down by the seconds the entry
   * has been stored (RFC 1035 section 3.2.1; RFC 2308 section 5 for the negative SOA).
   *
   * @param query the client's message, whose question is copied when it has the stored length
   */
  public void writeTo(ByteBuf out, int clientId, ByteBuf query, int clientQuestionEnd, long now) {
    int base = out.writerIndex();
    out.writeBytes(wire);
    out.setShort(base, clientId);
    if (clientQuestionEnd == questionEnd) {
      out.setBytes(base + HEADER, query, query.readerIndex() + HEADER, questionEnd - HEADER);
    }
    long elapsed = Math.max(0, (now - storedNanos) / 1_000_000_000L);
    for (int off : ttlOffsets) {
      out.setInt(base + off, (int) Math.max(0, AnswerScan.u32(wire, off) - elapsed));
    }
  }
}
