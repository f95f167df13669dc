package io.sinkhole.query;

import io.netty.buffer.ByteBuf;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.ioc.Addresses;
import io.sinkhole.ioc.Directive;
import io.sinkhole.policy.Verdict;
import io.sinkhole.wire.ExtendedError;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.Rcode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes the configured answer for a blocked query. */
final class BlockAnswers {
  private final SinkholeConfig.BlockAnswer style;
  private final List<byte[]> addresses;
  private final int ttl;
  private final int edeCode;

  /** One option per feed name: the same bytes go into every answer the feed blocks. */
  private final Map<String, ExtendedError> edes = new ConcurrentHashMap<>();

  BlockAnswers(SinkholeConfig.Block block) {
    this.style = block.answer();
    this.addresses =
        block.addresses().stream().map(a -> Addresses.parseLiteral(a).getAddress()).toList();
    this.ttl = block.ttl();
    this.edeCode =
        switch (block.ede()) {
          case BLOCKED -> ExtendedError.BLOCKED;
          case FILTERED -> ExtendedError.FILTERED;
          case NONE -> -1;
        };
  }

  /** Writes the answer and returns the RCODE it carries. */
  int write(ByteBuf out, ByteBuf message, Query q, Verdict v) {
    ExtendedError ede =
        edeCode < 0
            ? null
            : edes.computeIfAbsent(
                v.claim().feedName(), f -> new ExtendedError(edeCode, "feed " + f));
    int owner = v.match().labelIndex();
    Directive d = v.claim().directive();
    if (d == Directive.NXDOMAIN
        || (d == Directive.DEFAULT && style == SinkholeConfig.BlockAnswer.NXDOMAIN)) {
      LocalAnswers.negative(out, message, q, Rcode.NXDOMAIN, owner, ttl, ede);
      return Rcode.NXDOMAIN;
    }
    if (d == Directive.NODATA || style == SinkholeConfig.BlockAnswer.NODATA) {
      LocalAnswers.negative(out, message, q, Rcode.NOERROR, owner, ttl, ede);
      return Rcode.NOERROR;
    }
    if (style == SinkholeConfig.BlockAnswer.REFUSED) {
      LocalAnswers.empty(out, message, q, Rcode.REFUSED, ede);
      return Rcode.REFUSED;
    }
    LocalAnswers.addresses(out, message, q, addresses, owner, ttl, ede);
    return Rcode.NOERROR;
  }
}
