package io.sinkhole.bench;

import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedReader;
import io.sinkhole.ioc.FeedEntries;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.IocSetBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.management.ObjectName;

/**
 * Measures what JMH cannot (issue #5): the retained heap of a million-name {@link IocSet} and the
 * live heap at each step of a reload, both from a real heap histogram (the JVM's {@code
 * GC.class_histogram} diagnostic command, which runs a full GC first); and the wall time to parse
 * and publish a million-line hosts file.
 *
 * <pre>
 * java -Xmx1g -XX:+UseSerialGC -cp target/benchmarks.jar io.sinkhole.bench.IocStoreFigures \
 *     memory|load [COUNT | FILE]
 * </pre>
 *
 * FILE is a one-name-per-line list such as the bench harness's {@code blocklist.txt}; without it,
 * COUNT (default 1,000,000) names come from {@link BenchNames}.
 */
public final class IocStoreFigures {
  private IocStoreFigures() {}

  private static final String USAGE =
      """
      usage: java -Xmx2g -XX:+UseSerialGC -cp resolver/target/benchmarks.jar \\
                 io.sinkhole.bench.IocStoreFigures memory|load [COUNT | FILE]
        memory  retained heap of the set and live heap at each step of a reload (heap histogram)
        load    wall time to parse and publish the list as a hosts file, six runs in one JVM
        COUNT   that many generated names (default 1000000); FILE: one name per line
      """;

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "memory";
    if (args.length > 2 || !(mode.equals("memory") || mode.equals("load"))) {
      System.err.print(USAGE);
      System.exit(2);
    }
    List<String> names = names(args.length > 1 ? args[1] : "1000000");
    Path hosts = Files.createTempFile("sinkhole-bench", ".hosts");
    try {
      writeHosts(names, hosts);
      int count = names.size();
      names = null;
      if (mode.equals("load")) {
        loadTimes(hosts, count);
      } else {
        memory(hosts, count);
      }
    } finally {
      Files.deleteIfExists(hosts);
    }
  }

  private static List<String> names(String arg) throws Exception {
    if (arg.chars().allMatch(Character::isDigit)) {
      return BenchNames.distinct(Integer.parseInt(arg), 1);
    }
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(arg))) {
      if (!line.isBlank()) {
        out.add(line.trim());
      }
    }
    return out;
  }

  private static void writeHosts(List<String> names, Path file) throws Exception {
    StringBuilder b = new StringBuilder(names.size() * 26);
    for (String n : names) {
      b.append("0.0.0.0 ").append(n).append('\n');
    }
    Files.writeString(file, b);
  }

  /**
   * Live heap at each step of a first load and of a reload beside the published set, in the order
   * the server takes them: the feed keeps its last good entries beside the set, a reload parses the
   * new entries, drops the old ones once the guards accept the new, builds the new set and then
   * drops the old set. The retained size of the set is the drop in live heap when the last
   * reference to it goes, so that whatever the first load initialised for good (classes, caches) is
   * not counted.
   */
  private static void memory(Path hosts, int count) throws Exception {
    long base = liveHeap();
    FeedEntries entries = parse(hosts);
    IocSet published = build(entries);
    long first = liveHeap() - base;
    System.out.println(histogramTop(8));

    FeedEntries parsed = parse(hosts);
    long withParsed = liveHeap() - base;
    entries = parsed;
    parsed = null;
    long oldEntriesDropped = liveHeap() - base;
    IocSet next = build(entries);
    long withBoth = liveHeap() - base;
    published = next;
    next = null;
    long reloaded = liveHeap() - base;
    int names = published.domainCount();
    published = null;
    long retained = reloaded - (liveHeap() - base);
    long entryBytes = reloaded - retained;
    System.out.printf(
        "retained by the IocSet: %,d bytes for %,d names = %.1f bytes/name%n",
        retained, names, (double) retained / names);
    System.out.printf(
        "retained by the feed's entries (and the baseline's drift): %,d bytes = %.1f bytes/line%n",
        entryBytes, (double) entryBytes / count);
    System.out.printf(
        "live heap above the baseline (MB): first load %.1f; reload of %,d lines: old set + old"
            + " entries + new entries %.1f, old entries dropped %.1f, + new set %.1f, old set"
            + " dropped %.1f%n",
        first / 1e6, count, withParsed / 1e6, oldEntriesDropped / 1e6, withBoth / 1e6,
        reloaded / 1e6);
  }

  private static void loadTimes(Path hosts, int count) throws Exception {
    long[] millis = new long[6];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      IocSet s = load(hosts);
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "run %d: %,d hosts lines parsed and built into %,d names in %d ms%n",
          i + 1, count, s.domainCount(), millis[i]);
    }
    long[] warm = Arrays.copyOfRange(millis, 1, millis.length);
    Arrays.sort(warm);
    System.out.printf(
        "first (cold JVM) %d ms; warm min %d / median %d / max %d ms%n",
        millis[0], warm[0], warm[warm.length / 2], warm[warm.length - 1]);
  }

  private static IocSet load(Path hosts) throws Exception {
    return build(parse(hosts));
  }

  /** Parses as the server does: streamed into the compact form, buffer sized from the file. */
  private static FeedEntries parse(Path hosts) throws Exception {
    FeedEntries.Builder entries = FeedEntries.builder(Files.size(hosts) + Files.size(hosts) / 8);
    FeedReader.read(hosts, FeedFormat.HOSTS, entries);
    return entries.build();
  }

  private static IocSet build(FeedEntries entries) {
    return new IocSetBuilder(entries.names())
        .addFeed(new IocSetBuilder.FeedOptions(0, "bench", true, false), entries)
        .build();
  }

  /** Bytes of live objects, from a heap histogram taken after a full GC. */
  static long liveHeap() throws Exception {
    String[] lines = histogram().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String[] cols = lines[i].trim().split("\\s+");
      if (cols.length == 3 && cols[0].equals("Total")) {
        return Long.parseLong(cols[2]);
      }
    }
    throw new IllegalStateException("no Total line in the heap histogram");
  }

  private static String histogramTop(int rows) throws Exception {
    String[] lines = histogram().split("\n");
    return String.join("\n", Arrays.copyOfRange(lines, 0, Math.min(lines.length, rows + 2)));
  }

  private static String histogram() throws Exception {
    return (String)
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
  }
}
