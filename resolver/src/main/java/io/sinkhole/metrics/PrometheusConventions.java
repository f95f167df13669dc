package io.sinkhole.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Fixes the two JVM meters from Micrometer's binders that {@code promtool check metrics} rejects,
 * so that the whole exposition follows Prometheus naming: {@code process.cpu.time} is in
 * nanoseconds ({@code _ns}, an abbreviated non-base unit) and is replaced by the conventional
 * {@code process_cpu_seconds_total}; {@code system.cpu.count} is a gauge whose {@code _count}
 * suffix reads as part of a histogram, and becomes {@code system_cpus_available}.
 */
final class PrometheusConventions {
  private PrometheusConventions() {}

  /** Call before any binder registers its meters. */
  static void apply(MeterRegistry registry) {
    registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    registry.config().meterFilter(renaming("system.cpu.count", "system.cpus.available"));
  }

  /** Registers {@code process_cpu_seconds_total} when the JVM reports process CPU time. */
  static void processCpuSeconds(MeterRegistry registry) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9)
          .baseUnit("seconds")
          .description("CPU time used by the process, user and system")
          .register(registry);
    }
  }

  private static MeterFilter renaming(String from, String to) {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        return id.getName().equals(from) ? id.withName(to) : id;
      }
    };
  }
}
