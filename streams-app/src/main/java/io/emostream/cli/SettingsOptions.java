package io.emostream.cli;

import io.emostream.app.EmostreamConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that say where settings come from, shared by {@code run} and {@code config} so
 * both resolve them the same way: {@code --config FILE}, then {@code EMOSTREAM_*} environment
 * variables, then {@code --set key=value}, each overriding the one before.
 */
final class SettingsOptions {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file with the settings.")
  private Path configFile;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "A setting that overrides file and environment.")
  private Map<String, String> overrides = new LinkedHashMap<>();

  /** The settings as {@code run} resolves them from these options and {@code env}. */
  EmostreamConfig load(Map<String, String> env) {
    return EmostreamConfig.load(configFile, env, overrides);
  }
}
