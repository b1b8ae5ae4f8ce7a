package io.emostream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emostream.app.EmostreamApp;
import io.emostream.app.EmostreamConfig;
import io.emostream.avro.ScoredUtterance;
import io.emostream.embedded.EmbeddedKafka;
import io.emostream.schemas.history.SchemaHistory;
import io.emostream.testing.RandomModelBundle;
import io.emostream.testing.SharedDevRegistry;
import io.emostream.testing.SharedKafka;
import io.emostream.testing.TopicIO;
import io.emostream.validation.KeyPartitionCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.avro.Schema;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call produced by Confluent's own Python client (Debian's python3-confluent-kafka, on
 * librdkafka), with Avro values encoded by Debian's python3-avro in the Confluent wire format
 * against the standalone released schemas, registered over the registry's REST API
 * ({@code src/test/python/produce_call.py}). Once with {@code partitioner=murmur2_random}, as the
 * README asks: every transcript is scored exactly once and nothing is reported. Once with
 * librdkafka's default partitioner (CRC32), for a call id whose CRC32 and murmur2 partitions
 * differ: the mismatch is counted per topic in {@code /metrics}.
 */
class PythonProducerIT {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src", "test", "python", "produce_call.py");
  private static final int PARTITIONS = 4;
  private static final List<String> INPUTS = List.of("calls.audio", "calls.transcripts", "calls.events");

  @TempDir
  Path dir;

  private final EmbeddedKafka kafka = SharedKafka.get();
  private final String registry = SharedDevRegistry.url();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldScoreACallFromLibrdkafkaOnceWithMurmur2AndReportTheMismatchWithItsDefault() throws Exception {
    assertThat(PYTHON).as("python3-confluent-kafka and python3-avro are installed by .ci/run").exists();
    FaultTestSetup setup = new FaultTestSetup("python", kafka, registry);
    Path schemas = standaloneSchemas();
    EmostreamConfig config = EmostreamConfig.of(setup.settings("inproc"));
    String murmurCall = setup.prefix + "py-murmur2";
    String crcCall = callIdWhoseCrc32PartitionDiffers(setup.prefix + "py-default-");

    try (EmostreamApp app = EmostreamApp.start(config, RandomModelBundle.create(), true, null)) {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
      String base = "http://127.0.0.1:" + app.servingPort().orElseThrow();
      TopicIO io = new TopicIO(kafka.bootstrapServers(), registry);

      JsonNode murmur = produce(setup.prefix, murmurCall, schemas, "murmur2_random");
      int transcripts = murmur.get("transcripts").asInt();
      int expected = KeyPartitionCheck.murmur2Partition(murmurCall.getBytes(StandardCharsets.UTF_8), PARTITIONS);
      for (String topic : INPUTS) {
        assertThat(murmur.at("/partitions/" + pointer(setup.prefix + topic)).get(0).asInt())
            .as("%s with murmur2_random", topic).isEqualTo(expected);
      }
      List<ScoredUtterance> scored = io.<ScoredUtterance>readCommitted(setup.names.utterances(),
          v -> v.stream().filter(u -> u.getCallId().equals(murmurCall)).count() >= transcripts,
          Duration.ofSeconds(120), Duration.ofSeconds(3)).stream()
          .filter(u -> u.getCallId().equals(murmurCall)).toList();
      assertThat(scored).extracting(ScoredUtterance::getUtteranceId)
          .as("each transcript scored exactly once").containsExactlyInAnyOrder("u1", "u2", "u3", "u4");
      assertThat(mismatches(base, setup.prefix)).as("nothing reported for murmur2_random").isEmpty();

      JsonNode crc = produce(setup.prefix, crcCall, schemas, null);
      assertThat(crc.at("/partitions/" + pointer(setup.prefix + "calls.audio")).get(0).asInt())
          .as("librdkafka's default put the call elsewhere")
          .isNotEqualTo(KeyPartitionCheck.murmur2Partition(crcCall.getBytes(StandardCharsets.UTF_8), PARTITIONS));
      Awaitility.await("mismatch reported per topic").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(mismatches(base, setup.prefix)).containsOnlyKeys(INPUTS.stream().map(t -> setup.prefix + t)
              .toArray(String[]::new)).allSatisfy((topic, count) -> assertThat(count).isPositive()));
      // one producer for all three topics stays co-partitioned, so the call is still scored ...
      io.<ScoredUtterance>readCommitted(setup.names.utterances(),
          v -> v.stream().filter(u -> u.getCallId().equals(crcCall)).count() >= transcripts,
          Duration.ofSeconds(120), Duration.ZERO);
      // ... and found by id although it lives on another partition than murmur2 says
      Awaitility.await("call found by id").atMost(Duration.ofSeconds(30)).until(() ->
          get(base + "/api/calls/" + crcCall).statusCode() == 200);
    }
  }

  /** The newest released (self-contained) version of each input contract, as a producer gets them. */
  private Path standaloneSchemas() throws IOException {
    Path out = Files.createDirectories(dir.resolve("schemas"));
    for (String record : List.of("AudioChunk", "TranscriptSegment", "CallEvent")) {
      List<Schema> versions = SchemaHistory.versions(record);
      Files.writeString(out.resolve(record + ".avsc"), versions.get(versions.size() - 1).toString(true));
    }
    return out;
  }

  /** A call id that librdkafka's default (CRC32) and Java's murmur2 put on different partitions. */
  private static String callIdWhoseCrc32PartitionDiffers(String prefix) {
    for (int i = 0; ; i++) {
      byte[] key = (prefix + i).getBytes(StandardCharsets.UTF_8);
      CRC32 crc = new CRC32();
      crc.update(key);
      if (crc.getValue() % PARTITIONS != KeyPartitionCheck.murmur2Partition(key, PARTITIONS)) {
        return prefix + i;
      }
    }
  }

  private JsonNode produce(String prefix, String callId, Path schemas, String partitioner) throws Exception {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(),
        "--bootstrap", kafka.bootstrapServers(), "--registry", registry, "--schemas", schemas.toString(),
        "--prefix", prefix, "--call-id", callId));
    if (partitioner != null) {
      command.addAll(List.of("--partitioner", partitioner));
    }
    Path log = dir.resolve(callId + ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("python producer finished").isTrue();
    assertThat(process.exitValue()).as("python producer: %s%s", stdout, Files.readString(log)).isZero();
    return new ObjectMapper().readTree(stdout);
  }

  /** {@code emostream_partition_mismatch_total} per topic of this test. */
  private Map<String, Double> mismatches(String base, String prefix) throws Exception {
    Map<String, Double> byTopic = new TreeMap<>();
    Matcher m = Pattern.compile("^emostream_partition_mismatch_total\\{topic=\"([^\"]+)\"} (\\S+)$", Pattern.MULTILINE)
        .matcher(get(base + "/metrics").body());
    while (m.find()) {
      if (m.group(1).startsWith(prefix)) {
        byTopic.put(m.group(1), Double.parseDouble(m.group(2)));
      }
    }
    return byTopic;
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String pointer(String field) {
    return field.replace("~", "~0").replace("/", "~1");
  }
}
