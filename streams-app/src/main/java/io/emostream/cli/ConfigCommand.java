package io.emostream.cli;

import io.emostream.app.EmostreamConfig;
import io.emostream.config.ConfigException;
import io.emostream.config.ConfigListing;
import io.emostream.config.EmostreamConfigDef;
import io.emostream.config.EmostreamSettings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emostream config}: every setting emostream knows, with its documentation, default,
 * allowed values and current value, resolved from the same file, environment and
 * {@code --set} overrides as {@code run} would use; secrets are masked. The Kafka and registry
 * settings given are listed after them, as they pass through.
 */
@Command(name = "config", description = {
    "List every emostream setting: documentation, default, allowed values and the current value",
    "(from --config FILE, EMOSTREAM_* environment variables and --set, as 'run' resolves them; secrets masked)."})
final class ConfigCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private SettingsOptions settings;

  @Option(names = "--markdown", description = "Print the README's configuration table instead.")
  private boolean markdown;

  private final Map<String, String> env;

  ConfigCommand() {
    this(System.getenv());
  }

  /** With {@code env} as the environment (for tests). */
  ConfigCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.print(ConfigListing.markdownTable());
      out.flush();
      return 0;
    }
    EmostreamConfig config;
    EmostreamSettings parsed;
    try {
      config = settings.load(env);
      parsed = config.settings();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("emostream config: " + e.getMessage());
      return 2;
    }
    print(out, config, parsed);
    return 0;
  }

  /** Prints every emostream setting of {@code parsed}, then the pass-through settings of {@code config}. */
  static void print(PrintWriter out, EmostreamConfig config, EmostreamSettings parsed) {
    out.println("emostream settings (current value, then what it sets, its default and what it allows):");
    ConfigListing.lines(parsed).forEach(line -> out.println("  " + line));
    out.println("Passed through to Kafka Streams, its clients and the schema-registry client (secrets masked):");
    config.masked().forEach((key, value) -> {
      if (!EmostreamConfigDef.isOwn(key)) {
        out.println("  " + key + " = " + value);
      }
    });
    out.flush();
  }
}
