package io.sinkhole;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handlers for POSIX signals. The JDK's only way is {@code sun.misc.Signal} (module
 * jdk.unsupported, present in every JDK 9+ build); it is reached by reflection because javac warns
 * about it without any way to suppress the warning, and the build treats warnings as errors.
 *
 * <p>Handling SIGTERM ourselves, rather than in a shutdown hook, is what lets the process exit 0
 * after a graceful stop: once the JVM's default handler runs, the exit status is 143 whatever the
 * hooks do.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  /**
   * Runs {@code handler} on a new thread each time the process receives {@code name} ("TERM",
   * "INT", "HUP"). Returns false, after logging why, when the JVM does not allow it (for example
   * under {@code -Xrs}).
   */
  static boolean on(String name, Runnable handler) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object signal = signalType.getConstructor(String.class).newInstance(name);
      Object proxy =
          Proxy.newProxyInstance(
              handlerType.getClassLoader(), new Class<?>[] {handlerType}, invoking(name, handler));
      signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, proxy);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("cannot handle SIG{}: {}", name, e.toString());
      return false;
    }
  }

  private static InvocationHandler invoking(String name, Runnable handler) {
    return (Object self, Method method, Object[] args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> self == args[0];
          case "hashCode" -> System.identityHashCode(self);
          default -> "SIG" + name + " handler";
        };
      }
      handler.run();
      return null;
    };
  }
}
