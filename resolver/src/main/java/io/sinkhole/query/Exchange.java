package io.sinkhole.query;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.ClientAnswers;
import io.sinkhole.wire.Query;
import java.net.InetSocketAddress;

/**
 * One query in flight, as the transport hands it to the processor: the received bytes, what was
 * parsed from them, who asked, and how to answer. Implemented by the UDP and TCP handlers.
 */
public abstract class Exchange {
  private ByteBuf message;
  private final Query query;
  private final InetSocketAddress client;
  private final long receivedNanos;
  private final long receivedMillis;

  /**
   * @param receivedNanos {@link System#nanoTime} when the query was read
   * @param receivedMillis {@link System#currentTimeMillis} when the query was read
   */
  protected Exchange(
      ByteBuf message,
      Query query,
      InetSocketAddress client,
      long receivedNanos,
      long receivedMillis) {
    this.message = message;
    this.query = query;
    this.client = client;
    this.receivedNanos = receivedNanos;
    this.receivedMillis = receivedMillis;
  }

  /** The query as received; owned by the exchange until {@link #send} or forwarding. */
  public ByteBuf message() {
    return message;
  }

  /**
   * Replaces the message with a copy sized to it and returns that copy, whose one reference the
   * caller owns; the exchange reads it until that reference is released. For a query that waits on
   * an upstream: the received message may be a slice of a buffer that batched reads share
   * (recvmmsg, issue #5), and holding it would keep the whole batch buffer alive.
   */
  ByteBuf detachMessage() {
    message =
        alloc()
            .buffer(message.readableBytes())
            .writeBytes(message, message.readerIndex(), message.readableBytes());
    return message;
  }

  public Query query() {
    return query;
  }

  public InetSocketAddress client() {
    return client;
  }

  public long receivedNanos() {
    return receivedNanos;
  }

  public long receivedMillis() {
    return receivedMillis;
  }

  public abstract boolean tcp();

  /** Largest answer this client accepts on this transport. */
  public abstract int maxAnswerSize();

  public abstract ByteBufAllocator alloc();

  /** The upstream client of the event loop this exchange runs on. */
  public abstract UpstreamClient upstream();

  /** Sends {@code answer} (which this call takes ownership of) to the client. */
  public abstract void send(ByteBuf answer);

  private int answerLayout = ClientAnswers.UNKNOWN_LAYOUT;
  private boolean answered;

  /** Records that the answer has been handed to the transport. */
  void markAnswered() {
    answered = true;
  }

  /** Whether an answer has been handed to the transport: a failure after it sends no second. */
  boolean answered() {
    return answered;
  }

  /**
   * Tells {@link #send} the {@link ClientAnswers#layout} of the answer it will get (a cache hit's,
   * found when it was stored), so that it need not walk it.
   */
  public void answerLayout(int layout) {
    this.answerLayout = layout;
  }

  /** The layout given by {@link #answerLayout(int)}, or {@link ClientAnswers#UNKNOWN_LAYOUT}. */
  protected int answerLayout() {
    return answerLayout;
  }

  /**
   * Sends an answer made here ({@link io.sinkhole.wire.LocalAnswers}): no RRSIG, no AD, our own
   * OPT. A transport may skip the checks {@link #send} runs on upstream answers.
   */
  public void sendMade(ByteBuf answer) {
    send(answer);
  }
}
