package io.emostream.cli;

import io.emostream.app.EmostreamConfig;
import io.emostream.demo.DemoRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code emostream demo}: everything in one process — a real Kafka broker (in-process, on
 * 127.0.0.1), the dev schema registry, emostream with the bundled model, sample calls replayed
 * in real time, a live console view and the dashboard. Ctrl-C stops everything cleanly.
 */
@Command(name = "demo", description = {
    "Run the embedded demo: in-process Kafka, dev schema registry, bundled model, sample calls replayed",
    "in real time, live console and dashboard. Ctrl-C stops it."})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--calls", paramLabel = "DIR",
      description = "Replay your own recorded calls (<id>.wav + <id>.json, as for the replay connector).")
  private Path callsDir;

  @Option(names = "--model", paramLabel = "LOCATION", defaultValue = EmostreamConfig.BUNDLED_MODEL,
      description = "Model bundle directory, TorchScript bundle, or classpath: location (default: ${DEFAULT-VALUE}).")
  private String model;

  @Option(names = "--speed", defaultValue = "1.0", description = "Replay speed: 1 = real time (default), 2 = twice as fast.")
  private double speed;

  @Option(names = "--loop", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Replay the calls over and over (default); --no-loop replays them once.")
  private boolean loop;

  @Option(names = "--port", defaultValue = "8080", description = "Dashboard and REST port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
      description = "Stop by itself after this many seconds (0 = run until Ctrl-C).")
  private long durationSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (!(speed > 0) || port < 0 || port > 65_535 || durationSeconds < 0) {
      System.err.println("emostream demo: --speed must be above 0, --port within 0-65535, --duration 0 or more");
      return 2;
    }
    DemoRunner runner = new DemoRunner(new DemoRunner.Options(callsDir, model, speed, loop, port, System.out,
        System.console() != null));
    ShutdownHook hook = new ShutdownHook("emostream-demo-shutdown", () -> {
      System.out.println("\nStopping the demo ...");
      runner.close();
      return "demo: " + runner.utterancesShown() + " scored utterances, " + runner.alertsShown() + " alert events shown";
    }, System.out).install();
    try {
      runner.start();
    } catch (RuntimeException e) {
      System.err.println("emostream demo: could not start: " + e.getMessage());
      hook.remove();
      runner.close();
      return 1;
    }
    boolean byItself = durationSeconds > 0 && !hook.await(Duration.ofSeconds(durationSeconds));
    if (!byItself) {
      hook.await();
      return 0;
    }
    if (!hook.remove()) {
      hook.await(); // the signal came just as the time was up: the hook stops the demo
      return 0;
    }
    runner.close();
    System.out.printf("Demo stopped after %d s: %d scored utterances, %d alert events shown.%n",
        durationSeconds, runner.utterancesShown(), runner.alertsShown());
    return 0;
  }
}
