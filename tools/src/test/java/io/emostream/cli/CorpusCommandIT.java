package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.emostream.schemas.calls.CallDirectory;
import io.emostream.schemas.calls.CallRecording;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code emostream corpus synth|calls} end to end with the real espeak-ng, festival, flite and sox. */
class CorpusCommandIT {

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = EmostreamTools.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldSynthesiseASmallCorpusAndShowProgress() throws IOException {
    Path corpus = tmp.resolve("corpus");
    int code = run("corpus", "synth", "--out", corpus.toString(), "--utterances", "8", "--speakers", "6", "--threads", "2");
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readAllLines(corpus.resolve("manifest.jsonl"))).hasSize(8);
    assertThat(corpus.resolve("corpus.json")).exists();
    assertThat(err.toString()).contains("8/8 100%").contains("ETA");
    assertThat(out.toString()).contains("Wrote 8 utterances");
  }

  @Test
  void shouldWriteTheDemoCalls() throws IOException {
    Path calls = tmp.resolve("calls");
    assertThat(run("corpus", "calls", "--out", calls.toString(), "--seed", "3")).as(err.toString()).isZero();
    try (var files = Files.list(calls)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("demo-escalation.wav",
          "demo-escalation.json", "demo-happy.wav", "demo-happy.json", "demo-sad.wav", "demo-sad.json");
    }
    // the replay side's own reader accepts them: the shared recorded-call format, not a look-alike
    for (String callId : CallDirectory.callIds(calls)) {
      CallRecording call = CallRecording.load(calls, callId);
      assertThat(call.audio().channels()).isEqualTo(2);
      assertThat(call.audio().sampleRate()).isEqualTo(8000);
      assertThat(call.utterances()).isNotEmpty();
    }
  }

  @Test
  void shouldFailWithAnInstallHintWhenEspeakIsMissing() {
    int code = run("corpus", "synth", "--out", tmp.resolve("x").toString(), "--espeak", "/no/such/espeak-ng");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("/no/such/espeak-ng").contains("apt-get install espeak-ng sox");
    assertThat(run("corpus", "calls", "--out", tmp.resolve("y").toString(), "--sox", "/no/such/sox")).isEqualTo(1);
    assertThat(err.toString()).contains("/no/such/sox");
  }

  @Test
  void shouldRejectAConflictShareOutsideZeroToOne() {
    assertThat(run("corpus", "synth", "--out", tmp.resolve("z").toString(), "--conflict-share", "1.5")).isEqualTo(1);
    assertThat(err.toString()).contains("--conflict-share must be in [0, 1]");
  }
}
