package io.emostream.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live dashboard in a real browser: the app runs (embedded broker, dev registry, DJL), a
 * call is published, and {@code src/test/e2e/dashboard.mjs} drives headless Chromium through
 * playwright-core until the page shows the call, its scored utterances, the open alerts and
 * the agent table, then saves {@code target/dashboard.png}.
 *
 * <p>Needs Debian's chromium and the script's node modules; when either is missing the test
 * fails and names the command that installs it.
 */
class DashboardE2EIT {

  private static final Path E2E = Path.of("src", "test", "e2e");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path stateDir;

  @Test
  void shouldRenderTheCallsScoredUtterancesAndAlertsInHeadlessChromium() throws Exception {
    assertThat(CHROMIUM).as("Chromium is missing: install it with `apt-get update && apt-get install -y chromium`")
        .isExecutable();
    assertThat(E2E.resolve("node_modules/playwright-core")).as("playwright-core is missing: run `cd "
        + E2E.toAbsolutePath() + " && npm ci`").isDirectory();
    Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    try (LiveApp live = LiveApp.start(stateDir, "dashboard-e2e")) {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> live.app.state() == KafkaStreams.State.RUNNING);
      live.publishCallKeepingItOpen();
      String url = live.baseUrl() + "?token=" + LiveApp.TOKEN;

      Process node = new ProcessBuilder(List.of("node", E2E.resolve("dashboard.mjs").toString(), url,
          screenshot.toString(), live.call.callId(), String.valueOf(live.call.lines().size())))
          .redirectErrorStream(true).start();
      boolean exited = node.waitFor(3, TimeUnit.MINUTES);
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!exited) {
        node.destroyForcibly();
      }

      assertThat(exited).as("dashboard.mjs did not finish in 3 minutes: " + output).isTrue();
      assertThat(node.exitValue()).as("dashboard.mjs failed: " + output).isZero();
      assertThat(output).contains("dashboard OK");
    }
    assertThat(screenshot).isRegularFile();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }
}
