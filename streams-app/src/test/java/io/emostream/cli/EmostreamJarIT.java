package io.emostream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

/** The packaged runtime artefact {@code emostream.jar} runs with {@code java -jar}, as the README says. */
class EmostreamJarIT {

  private static final Path JAR = Path.of("target", "emostream.jar");
  /** The Kafka version the build pins, so the expected jar names follow a version bump. */
  private static final String KAFKA = AppInfoParser.getVersion();

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

  /**
   * The runtime artefact a deployment runs carries no Kafka broker (no {@code kafka_2.13},
   * {@code kafka-server}, {@code kafka-raft}, ...: only the clients and Streams) and none of the
   * tools that need one: the demo, the bench, the embedded broker and the sample calls live in
   * {@code emostream-tools.jar}. Read from what {@code java -jar} loads: {@code lib/} and the
   * manifest's class path, and the jar's own entries.
   */
  @Test
  void shouldCarryNoKafkaBrokerAndNoBrokerTools() throws Exception {
    List<String> libs;
    try (Stream<Path> files = Files.list(JAR.getParent().resolve("lib"))) {
      libs = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(libs.stream().filter(name -> name.startsWith("kafka")))
        .as("Kafka jars in lib/").containsExactly("kafka-clients-" + KAFKA + ".jar", "kafka-streams-" + KAFKA + ".jar");
    assertThat(libs).noneMatch(name -> name.startsWith("emostream-embedded") || name.startsWith("emostream-tools"));

    try (JarFile jar = new JarFile(JAR.toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      assertThat(classPath).contains("lib/kafka-streams-").doesNotContain("kafka_2.13")
          .doesNotContain("kafka-server").doesNotContain("kafka-raft").doesNotContain("emostream-embedded");
      assertThat(jar.stream().map(JarEntry::getName)).contains("io/emostream/cli/RunCommand.class")
          .noneMatch(name -> name.startsWith("io/emostream/demo/") || name.startsWith("io/emostream/bench/")
              || name.startsWith("io/emostream/embedded/") || name.startsWith("io/emostream/cli/DemoCommand")
              || name.startsWith("io/emostream/cli/Bench"));
    }
  }

  /**
   * Nor does it carry what makes a model rather than runs one: no {@code emostream-model-training}
   * in {@code lib/}, no corpus, training, evaluation or corpus-reading classes in the model jar it
   * loads, and no {@code train}, {@code evaluate} or {@code corpus} command (those are in
   * {@code emostream-tools.jar}).
   */
  @Test
  void shouldCarryNoTrainingCorpusOrEvaluationCode() throws Exception {
    Path lib = JAR.getParent().resolve("lib");
    List<Path> models;
    try (Stream<Path> files = Files.list(lib)) {
      models = files.filter(f -> f.getFileName().toString().startsWith("emostream-model")).toList();
    }
    assertThat(models).extracting(f -> f.getFileName().toString()).hasSize(1)
        .noneMatch(name -> name.startsWith("emostream-model-training"));
    try (JarFile model = new JarFile(models.get(0).toFile()); JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(model.stream().map(JarEntry::getName)).contains("io/emostream/model/EmotionModel.class")
          .noneMatch(name -> name.matches("io/emostream/model/(training|corpus|evaluation|data)/.*"));
      assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("io/emostream/cli/Train")
          || name.startsWith("io/emostream/cli/Evaluate") || name.startsWith("io/emostream/cli/Corpus"));
    }
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
