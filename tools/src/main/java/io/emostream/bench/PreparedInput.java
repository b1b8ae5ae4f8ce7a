package io.emostream.bench;

import java.util.List;

/**
 * A scenario's input, serialized for its topics and ordered by publication time, so publishing
 * measures the broker and the pipeline rather than Avro encoding.
 *
 * @param records every record, in publication order
 * @param bytes   key plus value bytes of all records
 */
record PreparedInput(List<Record> records, long bytes) {

  /**
   * One serialized record and when to publish it, in ms from the start of publishing;
   * {@code endsCall} marks a CALL_ENDED event.
   */
  record Record(long dueMs, String topic, String key, byte[] value, boolean endsCall) {}

  PreparedInput {
    records = List.copyOf(records);
  }

  /** Publication time of the last record: how long a real-time replay lasts. */
  long durationMs() {
    return records.isEmpty() ? 0 : records.get(records.size() - 1).dueMs();
  }
}
