package io.emostream.connect.replay;

import io.emostream.avro.CallEvent;
import io.emostream.schemas.calls.ReplayRecord;
import io.emostream.schemas.serde.SpecificAvroSerde;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns planned records into Connect source records whose values are already Confluent-format
 * Avro bytes (hence {@code ByteArrayConverter} on the connector), keyed by call id.
 */
final class ReplayRecordEncoder implements AutoCloseable {
  private final CallReplayConfig config;
  private final SpecificAvroSerde<SpecificRecord> serde;

  /**
   * @param serdeConfigs the connector's config; the registry and serializer keys are read from it
   */
  ReplayRecordEncoder(CallReplayConfig config, Map<String, ?> serdeConfigs) {
    this.config = config;
    this.serde = new SpecificAvroSerde<>();
    serde.configure(serdeConfigs, false);
  }

  /** Test seam: a serde already bound to a registry client. */
  ReplayRecordEncoder(CallReplayConfig config, SpecificAvroSerde<SpecificRecord> serde) {
    this.config = config;
    this.serde = serde;
  }

  /**
   * @param sentAt wall-clock time of sending: the record timestamp, and the timestamp of call
   *     events (a replayed call happens now, not when it was recorded)
   * @throws org.apache.kafka.common.errors.SerializationException when the registry rejects the
   *     schema; registry client exceptions when it cannot be reached
   */
  SourceRecord encode(ReplayRecord record, Map<String, String> partition,
      Map<String, Object> offset, Instant sentAt) {
    SpecificRecord value = record.value();
    if (value instanceof CallEvent event) {
      value = CallEvent.newBuilder(event).setTimestamp(sentAt).build();
    }
    String topic = switch (record.stream()) {
      case AUDIO -> config.audioTopic();
      case TRANSCRIPTS -> config.transcriptsTopic();
      case EVENTS -> config.eventsTopic();
    };
    byte[] bytes = serde.serializer().serialize(topic, value);
    return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA,
        record.callId(), Schema.BYTES_SCHEMA, bytes, sentAt.toEpochMilli());
  }

  @Override
  public void close() {
    serde.close();
  }
}
