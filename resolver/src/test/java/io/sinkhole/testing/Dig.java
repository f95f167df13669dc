package io.sinkhole.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a real DNS client (dig or kdig) against a loopback server and reads its output. */
public final class Dig {
  private static final Pattern STATUS = Pattern.compile("status: ([A-Z]+)");

  private Dig() {}

  /** The result of one client run: full text output and the status word. */
  public record Result(String output, String status) {
    /** Answer-section lines as printed with {@code +noall +answer} style parsing. */
    public List<String> answerLines() {
      List<String> out = new ArrayList<>();
      boolean inAnswer = false;
      for (String line : output.split("\n")) {
        if (line.startsWith(";; ANSWER SECTION") || line.startsWith(";; ANSWER SECTION:")) {
          inAnswer = true;
        } else if (inAnswer && (line.isBlank() || line.startsWith(";;"))) {
          inAnswer = false;
        } else if (inAnswer) {
          out.add(line);
        }
      }
      return out;
    }
  }

  /** {@code dig @server -p port args...}. */
  public static Result dig(InetSocketAddress server, String... args) throws IOException {
    return run("dig", server, args);
  }

  /** {@code kdig @server -p port args...} (Knot's client). */
  public static Result kdig(InetSocketAddress server, String... args) throws IOException {
    return run("kdig", server, args);
  }

  private static Result run(String tool, InetSocketAddress server, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(tool);
    cmd.add("@" + server.getAddress().getHostAddress());
    cmd.add("-p");
    cmd.add(Integer.toString(server.getPort()));
    cmd.add(tool.equals("kdig") ? "+timeout=3" : "+time=3");
    cmd.add(tool.equals("kdig") ? "+retry=0" : "+tries=1");
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(tool + " is not installed (dnsutils / knot-dnsutils): " + e, e);
    }
    try (InputStream in = p.getInputStream()) {
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(tool + " did not finish");
      }
      Matcher m = STATUS.matcher(out);
      return new Result(out, m.find() ? m.group(1) : "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }
}
