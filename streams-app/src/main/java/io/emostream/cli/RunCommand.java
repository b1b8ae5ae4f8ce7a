package io.emostream.cli;

import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.config.ConfigException;
import io.emostream.config.EmostreamSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream run}: production mode against an existing Kafka cluster and schema
 * registry. Settings come from {@code --config FILE}, then {@code EMOSTREAM_*} environment
 * variables, then {@code --set key=value}, each overriding the one before. Runs until SIGTERM
 * or Ctrl-C, then shuts down cleanly (Streams commits and closes, the model is released).
 */
@Command(name = "run", description = {
    "Run emostream against an existing Kafka cluster and schema registry.",
    "Settings: --config FILE, then EMOSTREAM_* environment variables (EMOSTREAM_SCHEMA_REGISTRY_URL is",
    "schema.registry.url, EMOSTREAM_INFERENCE_MAX__BATCH is inference.max-batch), then --set key=value.",
    "Any Kafka Streams or client setting (SASL, TLS, num.stream.threads ...) passes through;",
    "'emostream config' lists every emostream setting."})
final class RunCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private SettingsOptions settings;

  @Option(names = "--dry-run", description = "Validate and print the settings, then exit without starting.")
  private boolean dryRun;

  @Option(names = "--print-config", description = "Validate, list every setting as 'emostream config' does, then exit.")
  private boolean printConfig;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EmostreamConfig config;
    try {
      config = settings.load(System.getenv());
      // unknown emostream keys (typos) and invalid values fail here, before anything starts
      EmostreamSettings parsed = config.settings();
      if (printConfig) {
        ConfigCommand.print(out, config, parsed);
        return 0;
      }
      config.required(EmostreamConfig.BOOTSTRAP_SERVERS);
      if (config.get(EmostreamConfig.SERDE_CLASS).isEmpty()) {
        config.required(EmostreamConfig.REGISTRY_URL);
      }
    } catch (ConfigException e) {
      err.println("emostream run: " + e.getMessage());
      return 2;
    }
    out.println("emostream settings (secrets masked):");
    config.masked().forEach((k, v) -> out.println("  " + k + " = " + v));
    out.flush();
    if (dryRun) {
      return 0;
    }
    return runUntilStopped(config, err);
  }

  private int runUntilStopped(EmostreamConfig config, PrintWriter err) {
    EmostreamApp app;
    try {
      app = EmostreamApp.start(config);
    } catch (IllegalArgumentException e) { // a ConfigException among them
      err.println("emostream run: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("emostream run: could not start: " + e.getMessage());
      return 1;
    }
    long startedAt = System.nanoTime();
    ShutdownHook hook = new ShutdownHook("emostream-shutdown", () -> {
      String counts = app.describeWork();
      app.close();
      return "ran " + Duration.ofNanos(System.nanoTime() - startedAt).toSeconds() + " s, " + counts;
    }, System.err).install();
    try {
      hook.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      hook.remove();
      app.close();
    }
    return 0;
  }
}
