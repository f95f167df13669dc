package io.sinkhole.source;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listeners when the process receives SIGHUP, the conventional "reload" signal of Unix
 * daemons. The JDK's only hook is {@code sun.misc.Signal} in module {@code jdk.unsupported}; it is
 * reached by reflection so that the jar still starts (without the signal) on a runtime that lacks
 * it or was started with {@code -Xrs}, and so that javac has no internal-API warning to fail on.
 */
public final class HangupSignal {
  private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);
  private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();
  private static Boolean installed;

  private HangupSignal() {}

  /**
   * Adds a listener, installing the handler on first use. Listeners run on the JVM's signal thread
   * and must not block.
   *
   * @return whether SIGHUP is handled on this runtime
   */
  public static synchronized boolean listen(Runnable listener) {
    if (installed == null) {
      installed = install();
    }
    LISTENERS.add(listener);
    return installed;
  }

  public static void remove(Runnable listener) {
    LISTENERS.remove(listener);
  }

  private static boolean install() {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object hup = signal.getConstructor(String.class).newInstance("HUP");
      Object proxy =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (self, method, args) -> invoke(self, method, args));
      signal.getMethod("handle", signal, handler).invoke(null, hup, proxy);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn(
          "SIGHUP cannot trigger reloads on this runtime ({}); use POST /admin/reload",
          e.toString());
      return false;
    }
  }

  private static Object invoke(Object self, Method method, Object[] args) {
    switch (method.getName()) {
      case "handle" -> LISTENERS.forEach(HangupSignal::runQuietly);
      case "hashCode" -> {
        return System.identityHashCode(self);
      }
      case "equals" -> {
        return self == args[0];
      }
      case "toString" -> {
        return "sinkhole SIGHUP handler";
      }
      default -> {}
    }
    return null;
  }

  private static void runQuietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.error("SIGHUP listener failed", e);
    }
  }
}
