package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged {@code emostream.jar} runs with {@code java -jar}, as the README says. */
class EmostreamJarIT {

  private static final Path JAR = Path.of("target", "emostream.jar");

  @Test
  void shouldRunFromTheJarAndListTheCommands() throws Exception {
    assertThat(JAR).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "--help")
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Usage: emostream").contains("Commands:");
    assertThat(Files.list(JAR.getParent().resolve("lib"))).isNotEmpty();
  }

  @Test
  void shouldExitTwoNamingTheClosestValidKeyOfAConfigurationTypo() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "run",
        "--set", "bootstrap.servers=127.0.0.1:1", "--set", "schema.registry.url=http://127.0.0.1:1",
        "--set", "inference.max-bach=8")
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("unknown setting inference.max-bach; did you mean inference.max-batch?");
  }

  /**
   * Loading the model says in one INFO line what runs, and a CPU-only machine gets no GPU or NNPACK
   * warnings. (Where a CUDA runtime is installed without a driver, as on the machine this was written
   * on, DJL used to warn twice "Failed to detect GPU count"; on CPUs NNPACK cannot identify, libtorch
   * printed "Could not initialize NNPACK!" on every convolution: the audio below goes through them.)
   */
  @Test
  void shouldStartQuietlyAndSayWhichDeviceEngineThreadsAndModelRun(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path wav = dir.resolve("tone.wav");
    Files.write(wav, tone());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "predict", "--device", "cpu",
        "--wav", wav.toString(), "--text", "I am so angry about this bill")
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.lines().filter(l -> l.contains("INFO") && l.contains("EmotionModels - Model")))
        .as(output).singleElement().asString()
        .contains("emostream-demo").contains("on cpu()").containsPattern("PyTorch \\d+\\.\\d+")
        .contains("intra-op").contains("inter-op");
    assertThat(output).doesNotContain("CudaUtils").doesNotContain("NNPACK").doesNotContain("WARN");
  }

  /** One second of a 220 Hz tone, 16 kHz mono PCM, as a WAV file. */
  private static byte[] tone() {
    int rate = 16_000;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 2 * rate).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * rate).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * rate);
    for (int i = 0; i < rate; i++) {
      b.putShort((short) (8_000 * Math.sin(2 * Math.PI * 220 * i / rate)));
    }
    return b.array();
  }
}
