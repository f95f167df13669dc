package io.sinkhole.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.ioc.IocSet;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * A reload must let the old indicator set go, even while answers inspected against it are cached.
 */
class ReloadMemoryTest {
  @Test
  void oldIndicatorSet_isReleasedAfterAReload_althoughItsAnswersAreCached() throws Exception {
    try (UnboundUpstream unbound = UnboundUpstream.start();
        RunningSinkhole s =
            RunningSinkhole.start(
                unbound.hostPort(),
                "feeds:\n  - name: local\n    path: list.txt\n    format: domains\n",
                "list.txt",
                "bad.example\n")) {
      s.probe().query("www.zone.example", Type.A);
      WeakReference<IocSet> old = new WeakReference<>(s.sinkhole().indicators());

      Files.writeString(s.dir().resolve("list.txt"), "bad.example\nworse.example\n");
      s.post("/admin/reload");
      assertThat(s.sinkhole().indicators()).isNotSameAs(old.get());
      for (int i = 0; i < 20 && old.get() != null; i++) {
        System.gc();
        Thread.sleep(50);
      }

      assertThat(old.get()).as("the replaced indicator set").isNull();
      assertThat(s.probe().query("www.zone.example", Type.A).getRcode()).isZero();
    }
  }
}
