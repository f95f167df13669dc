package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@link Main#productionNettySettings} leaves Netty with. Netty reads these properties once,
 * when its classes load, so each case runs in a fresh JVM ({@link Probe}).
 */
class ProductionNettySettingsTest {
  @Test
  void server_getsThePooledAllocatorNoLeakDetectionAndNoAccessCheck() throws Exception {
    assertThat(probe()).isEqualTo("PooledByteBufAllocator DISABLED false");
  }

  @Test
  void aValueGivenWithMinusD_wins() throws Exception {
    assertThat(
            probe(
                "-Dio.netty.allocator.type=unpooled",
                "-Dio.netty.leakDetection.level=paranoid",
                "-Dio.netty.buffer.checkAccessible=true"))
        .isEqualTo("UnpooledByteBufAllocator PARANOID true");
  }

  private static String probe(String... jvmOptions) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("probe JVM finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** Applies the settings as {@code main} does, then reports what Netty took. */
  static final class Probe {
    public static void main(String[] args) throws ReflectiveOperationException {
      Main.productionNettySettings();
      Field check = AbstractByteBuf.class.getDeclaredField("checkAccessible");
      check.setAccessible(true);
      System.out.println(
          ByteBufAllocator.DEFAULT.getClass().getSimpleName()
              + " "
              + ResourceLeakDetector.getLevel()
              + " "
              + check.getBoolean(null));
    }
  }
}
