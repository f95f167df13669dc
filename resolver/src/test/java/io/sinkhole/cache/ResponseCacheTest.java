package io.sinkhole.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sinkhole.config.CacheConfig;
import io.sinkhole.metrics.SinkholeMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The cache without sockets: a fake clock, answers built with dnsjava. */
class ResponseCacheTest {
  private static final String NAME = "www.zone.example.";
  private static final CacheKey KEY = key("www.zone.example.");

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final SinkholeMetrics metrics = new SinkholeMetrics();

  private ResponseCache<String> cache(int minTtl, int maxTtl, long maxBytes) {
    return new ResponseCache<>(
        new CacheConfig(true, minTtl, maxTtl, maxBytes), metrics, clock::get);
  }

  private ResponseCache<String> cache() {
    return cache(0, 86400, 1 << 20);
  }

  @Test
  void hit_countsTtlDownByElapsedSeconds_andCarriesClientId() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 300), "ok");
    advanceSeconds(100);

    Message m = hit(c, 0x1234, NAME);

    assertThat(m.getHeader().getID()).isEqualTo(0x1234);
    assertThat(m.getSection(Section.ANSWER))
        .singleElement()
        .extracting(Record::getTTL)
        .isEqualTo(200L);
  }

  @Test
  void hit_echoesTheClientsSpellingOfTheQuestion() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 300), "ok");

    Message m = hit(c, 7, "wWw.ZoNe.eXaMpLe.");

    assertThat(m.getQuestion().getName().toString()).isEqualTo("wWw.ZoNe.eXaMpLe.");
  }

  @Test
  void hit_returnsTheStoredVerdict() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 300), "inspected");

    assertThat(c.get(KEY, v -> true, c.nanos()).verdict()).isEqualTo("inspected");
  }

  @Test
  void entry_expiresAfterItsSmallestTtl() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 30), "ok");

    advanceSeconds(29);
    assertThat(c.get(KEY, v -> true, c.nanos())).isNotNull();
    advanceSeconds(2);
    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void nxdomain_livesForMinOfSoaTtlAndSoaMinimum_rfc2308() throws Exception {
    ResponseCache<String> c = cache();
    assertThat(c.put(KEY, negative(Rcode.NXDOMAIN, 3600, 60), "ok")).isTrue();

    advanceSeconds(10);
    Message m = hit(c, 1, NAME);
    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.AUTHORITY))
        .singleElement()
        .extracting(Record::getTTL)
        .isEqualTo(50L);
    advanceSeconds(51);
    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void nodata_usesSoaTtlWhenItIsBelowSoaMinimum() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, negative(Rcode.NOERROR, 20, 600), "ok");

    advanceSeconds(21);

    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void negativeAnswerWithoutSoa_isNotCached() throws Exception {
    ResponseCache<String> c = cache();

    assertThat(c.put(KEY, reply(Rcode.NXDOMAIN).toWire(), "ok")).isFalse();
    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void minTtl_keepsShortLivedAnswersLonger() throws Exception {
    ResponseCache<String> c = cache(60, 86400, 1 << 20);
    c.put(KEY, positive(NAME, 5), "ok");

    advanceSeconds(30);

    assertThat(hit(c, 1, NAME).getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(30L);
  }

  @Test
  void maxTtl_capsLifetimeAndTheTtlClientsSee() throws Exception {
    ResponseCache<String> c = cache(0, 100, 1 << 20);
    c.put(KEY, positive(NAME, 86400), "ok");

    assertThat(hit(c, 1, NAME).getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(100L);
    advanceSeconds(101);
    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void freshTtlZeroAnswer_replacesTheStoredOne() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 300), "ok");

    assertThat(c.put(KEY, positive(NAME, 0), "ok")).isFalse();

    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void servfail_isNotCached_andEvictsTheStoredAnswer() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 300), "ok");

    assertThat(c.put(KEY, reply(Rcode.SERVFAIL).toWire(), "ok")).isFalse();

    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void truncatedAnswer_isNeverCached() throws Exception {
    Message m = new Message(positive(NAME, 300));
    m.getHeader().setFlag(Flags.TC);
    ResponseCache<String> c = cache();

    assertThat(c.put(KEY, m.toWire(), "ok")).isFalse();
  }

  @Test
  void garbage_isNotCached() {
    assertThat(cache().put(KEY, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, "ok"))
        .isFalse();
  }

  @Test
  void entryWhoseVerdictIsNoLongerValid_isAMiss_andIsEvicted() throws Exception {
    ResponseCache<String> c = cache();
    c.put(KEY, positive(NAME, 300), "old-snapshot");

    assertThat(c.get(KEY, v -> v.equals("new-snapshot"), c.nanos())).isNull();
    assertThat(c.get(KEY, v -> true, c.nanos())).isNull();
  }

  @Test
  void sizeBound_keepsWeighedBytesUnderMaxBytes() throws Exception {
    ResponseCache<String> c = cache(0, 86400, 4000);
    for (int i = 0; i < 200; i++) {
      String n = "host" + i + ".zone.example.";
      c.put(key(n), positive(n, 300), "ok");
    }

    assertThat(c.sizeBytes()).isPositive().isLessThanOrEqualTo(4000);
    assertThat(c.entryCount()).isBetween(1L, 199L);
  }

  @Test
  void lookups_areCountedAsHitsAndMisses() throws Exception {
    ResponseCache<String> c = cache();
    c.get(KEY, v -> true, c.nanos());
    c.put(KEY, positive(NAME, 300), "ok");
    c.get(KEY, v -> true, c.nanos());
    c.get(KEY, v -> true, c.nanos());

    String text = metrics.scrape();
    assertThat(text).contains("sinkhole_cache_requests_total{result=\"hit\"} 2.0");
    assertThat(text).contains("sinkhole_cache_requests_total{result=\"miss\"} 1.0");
    assertThat(text).contains("sinkhole_cache_entries 1.0").contains("sinkhole_cache_size_bytes");
  }

  private void advanceSeconds(long s) {
    clock.addAndGet(s * 1_000_000_000L);
  }

  private Message hit(ResponseCache<String> c, int id, String asked) throws IOException {
    CachedAnswer<String> a = c.get(KEY, v -> true, c.nanos());
    assertThat(a).as("cache hit").isNotNull();
    Message q = Message.newQuery(Record.newRecord(Name.fromString(asked), Type.A, DClass.IN));
    q.getHeader().setID(id);
    ByteBuf query = Unpooled.wrappedBuffer(q.toWire());
    ByteBuf out = Unpooled.buffer();
    try {
      a.writeTo(out, id, query, query.readableBytes(), c.nanos());
      byte[] wire = new byte[out.readableBytes()];
      out.readBytes(wire);
      return new Message(wire);
    } finally {
      query.release();
      out.release();
    }
  }

  static CacheKey key(String name) {
    try {
      byte[] wire = Name.fromString(name).toWireCanonical();
      return CacheKey.of(wire, wire.length - 1, Type.A, DClass.IN, false, false, false);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Message reply(int rcode) throws IOException {
    Message m = new Message(99);
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(rcode);
    m.addRecord(Record.newRecord(Name.fromString(NAME), Type.A, DClass.IN), Section.QUESTION);
    return m;
  }

  static byte[] positive(String name, long ttl) throws IOException {
    Message m = reply(Rcode.NOERROR);
    m.removeAllRecords(Section.QUESTION);
    m.addRecord(Record.newRecord(Name.fromString(name), Type.A, DClass.IN), Section.QUESTION);
    InetAddress a = InetAddress.getByName("192.0.2.10");
    m.addRecord(new ARecord(Name.fromString(name), DClass.IN, ttl, a), Section.ANSWER);
    return m.toWire();
  }

  static byte[] negative(int rcode, long soaTtl, long minimum) throws IOException {
    Message m = reply(rcode);
    Name zone = Name.fromString("zone.example.");
    m.addRecord(
        new SOARecord(
            zone,
            DClass.IN,
            soaTtl,
            Name.fromString("ns.zone.example."),
            Name.fromString("admin.zone.example."),
            1,
            3600,
            600,
            86400,
            minimum),
        Section.AUTHORITY);
    return m.toWire();
  }
}
