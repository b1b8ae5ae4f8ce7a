package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.config.ConfigListing;
import io.emostream.config.EmostreamConfigDef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int config(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new ConfigCommand(env));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldListEveryKeyWithTheValuesRunWouldUseAndSecretsMasked() throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "bootstrap.servers=b:9092\ninference.max-batch=4\nassembly.max-wait=2s\n"
        + "sasl.jaas.config=PlainLoginModule required password=\"p\";\n");

    int code = config(Map.of("EMOSTREAM_INFERENCE_MAX__BATCH", "8", "EMOSTREAM_SERVING_TOKEN", "hunter2"),
        "--config", file.toString(), "--set", "alerts.cooldown=1m");

    assertThat(code).isZero();
    String text = out.toString();
    for (String key : EmostreamConfigDef.CONFIG_DEF.names()) {
      assertThat(text).contains("  " + key + " = ");
    }
    assertThat(text).contains("inference.max-batch = 8\n").contains("assembly.max-wait = 2s\n")
        .contains("alerts.cooldown = 1m\n").contains("model.device = auto  (default)")
        .contains("serving.token = ****").contains("sasl.jaas.config = ****").contains("bootstrap.servers = b:9092")
        .doesNotContain("hunter2").doesNotContain("password=\"p\"");
  }

  @Test
  void shouldExitTwoNamingTheClosestKeyOfATypo() {
    assertThat(config(Map.of(), "--set", "inference.max-bach=8")).isEqualTo(2);
    assertThat(err.toString()).contains("did you mean inference.max-batch?");
  }

  @Test
  void shouldPrintTheReadmeTableWithMarkdown() {
    assertThat(config(Map.of(), "--markdown")).isZero();
    assertThat(out.toString()).isEqualTo(ConfigListing.markdownTable());
  }

  @Test
  void shouldBeASubcommandOfEmostream() {
    CommandLine cli = new CommandLine(new EmostreamCommand());
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("config", "--set", "model.threads=2")).isZero();
    assertThat(out.toString()).contains("model.threads = 2\n");
  }
}
