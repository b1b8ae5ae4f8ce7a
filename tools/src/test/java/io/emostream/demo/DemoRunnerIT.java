package io.emostream.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.app.EmostreamConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the README's demo command does, in-process: its own broker and dev registry, the bundled
 * model and the bundled calls replayed in real time. Within a minute the console shows scored
 * utterances and at least one alert, and the dashboard answers.
 */
class DemoRunnerIT {

  @Test
  void shouldShowScoredUtterancesAndAnAlertWithinAMinute() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    try (DemoRunner demo = new DemoRunner(new DemoRunner.Options(null, EmostreamConfig.BUNDLED_MODEL, 1.0, false, 0,
        out, false))) {
      demo.start();
      Awaitility.await("scored utterances and an alert on the console").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> demo.utterancesShown() > 0 && demo.alertsShown() > 0);

      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(demo.dashboardUrl())).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("emostream");
    }
    String shown = console.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("dashboard         http://127.0.0.1:").contains("ALERT OPENED");
    assertThat(shown).containsPattern("demo-\\w+ +(AGENT|CUSTOMER) +(NEUTRAL|HAPPY|ANGRY|SAD)");
  }
}
