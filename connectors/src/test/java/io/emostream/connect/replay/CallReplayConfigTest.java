package io.emostream.connect.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class CallReplayConfigTest {
  private static Map<String, String> minimal() {
    Map<String, String> props = new HashMap<>();
    props.put("calls.dir", "/data/calls");
    props.put("schema.registry.url", "http://registry:8081");
    return props;
  }

  @Test
  void shouldApplyTheDocumentedDefaults() {
    CallReplayConfig config = new CallReplayConfig(minimal());

    assertThat(config.callsDir()).isEqualTo(Path.of("/data/calls"));
    assertThat(config.audioTopic()).isEqualTo("calls.audio");
    assertThat(config.transcriptsTopic()).isEqualTo("calls.transcripts");
    assertThat(config.eventsTopic()).isEqualTo("calls.events");
    assertThat(config.replaySpeed()).isEqualTo(1.0);
    assertThat(config.replaySettings().chunkMs()).isEqualTo(200);
    assertThat(config.replaySettings().transcriptDelayMs()).isEqualTo(300);
    assertThat(config.callIdPrefix()).isEmpty();
    assertThat(config.loop()).isFalse();
  }

  @Test
  void shouldNotAllowAMissingCallsDirOrRegistry() {
    Map<String, String> noDir = minimal();
    noDir.remove("calls.dir");
    assertThatThrownBy(() -> new CallReplayConfig(noDir))
        .isInstanceOf(ConfigException.class).hasMessageContaining("calls.dir");

    Map<String, String> noRegistry = minimal();
    noRegistry.remove("schema.registry.url");
    assertThatThrownBy(() -> new CallReplayConfig(noRegistry))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldNotAllowNegativeSpeedOrChunksOutsideTheContract() {
    Map<String, String> props = minimal();
    props.put("replay.speed", "-1");
    assertThatThrownBy(() -> new CallReplayConfig(props)).hasMessageContaining("replay.speed");

    props.put("replay.speed", "0");
    props.put("chunk.ms", "20000");
    assertThatThrownBy(() -> new CallReplayConfig(props)).hasMessageContaining("chunk.ms");
  }

  @Test
  void shouldNotAllowPrefixesThatMangleKeys() {
    Map<String, String> props = minimal();
    props.put("call.id.prefix", "run 2,");

    assertThatThrownBy(() -> new CallReplayConfig(props))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("call.id.prefix")
        .hasMessageContaining("only letters, digits");
  }

  @Test
  void shouldValidateThroughTheConnectorConfigDef() {
    Map<String, String> props = minimal();
    props.put("transcript.delay.ms", "-5");

    var results = new CallReplaySourceConnector().validate(props).configValues();

    assertThat(results).filteredOn(v -> v.name().equals("transcript.delay.ms"))
        .singleElement().satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
  }
}
