package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The container's configuration must be one the resolver accepts (issue #7). */
class ContainerConfigTest {
  @Test
  void containerConfiguration_bindsPort53OnAllInterfaces_andValidates() throws Exception {
    Path file = Path.of(System.getProperty("sinkhole.repo"), "docker", "sinkhole.yaml");

    SinkholeConfig c = ConfigLoader.load(file, Overrides.NONE);

    assertThat(c.listen()).containsExactly(HostPort.parse("0.0.0.0:53"));
    assertThat(c.metrics().listen()).isEqualTo(HostPort.parse("0.0.0.0:9153"));
    assertThat(c.feeds()).isNotEmpty();
  }
}
